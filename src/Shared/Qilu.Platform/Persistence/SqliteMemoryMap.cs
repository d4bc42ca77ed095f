using System.Globalization;

namespace Qilu.Platform.Persistence;

/// <summary>
/// Whether SQLite reads the database file through a memory map (<c>PRAGMA mmap_size</c>), for every platform connection:
/// module contexts (<see cref="SqliteConnections"/>), the audit log's connections and the workflow engine's group commit.
/// Off by default; <c>Qilu:Sqlite:MmapSize</c> (bytes) turns it on. Process-wide, set once when the platform is registered.
/// </summary>
/// <remarks>
/// In WAL mode SQLite drops a connection's page cache <em>and unmaps its whole map</em> whenever another connection
/// committed since its last read. With the audit log, the outbox and the engines committing hundreds of times a second,
/// almost every read therefore maps the file anew and takes a page fault for each page it touches, and every unmap
/// flushes the TLBs of the other cores. On a host where those are cheap (hardware-virtualised page tables) the map saved
/// a <c>pread</c> per page (ADR 0014 addendum 3); on this project's current 2-core VM (paravirtualised page tables) it
/// cost more than it saved, by far: gateway calls 1.6–3× and workflow transitions 1.1–1.6× the CPU (ADR 0019 addendum 1).
/// </remarks>
public static class SqliteMemoryMap
{
    /// <summary>The configuration key (bytes; 0 or absent: off).</summary>
    public const string ConfigurationKey = "Qilu:Sqlite:MmapSize";

    /// <summary>Bytes of the file read through the map; 0 when off.</summary>
    public static long Size { get; private set; }

    /// <summary>The pragma that applies <see cref="Size"/> to a new connection, or an empty string when the map is off
    /// (SQLite's default: no statement to run).</summary>
    public static string Pragma { get; private set; } = "";

    /// <summary>Sets the map size for connections opened from now on.</summary>
    public static void Use(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Size = bytes;
        Pragma = bytes == 0 ? "" : $"PRAGMA mmap_size={bytes.ToString(CultureInfo.InvariantCulture)};";
    }
}
