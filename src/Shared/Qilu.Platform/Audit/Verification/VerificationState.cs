using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Merkle;

namespace Qilu.Platform.Audit.Verification;

/// <summary>Streaming state shared by the database and export verifiers: the compact range and pending checkpoints.</summary>
internal sealed class VerificationState(ICheckpointVerifierKeys keys, string? origin)
{
    public const int MaxIssues = 100;

    private readonly List<SignedCheckpoint> _pending = [];
    private int _next;
    private long _lastGoodSize;

    public CompactRange Range { get; private set; } = new();

    public long FirstSequence { get; private set; }

    public long EntriesVerified { get; set; }

    public int CheckpointsVerified { get; private set; }

    public int CheckpointsNotCheckable { get; private set; }

    public List<AuditVerificationIssue> Issues { get; } = [];

    public bool Stopped { get; set; }

    public void Issue(string code, long? seq, string message, long? rangeStart = null, long? rangeEnd = null)
    {
        if (Issues.Count < MaxIssues) Issues.Add(new AuditVerificationIssue(code, seq, rangeStart, rangeEnd, message));
    }

    public void StartAt(long size, CompactRange range)
    {
        FirstSequence = size;
        Range = range;
        _lastGoodSize = size;
    }

    /// <summary>Checks a checkpoint's signature now and queues it for the root comparison at its size.</summary>
    public void AddCheckpoint(string note)
    {
        var parsed = SignedCheckpoint.ParseAndVerify(note, keys, origin);
        if (!parsed.IsValid)
        {
            Issue("checkpoint.signature", null, $"checkpoint rejected: {parsed.Error}");
            return;
        }
        var cp = parsed.Checkpoint!;
        var at = _pending.Count;
        while (at > _next && _pending[at - 1].TreeSize > cp.TreeSize) at--;
        _pending.Insert(at, cp);
        CheckDue();
    }

    /// <summary>Compares every queued checkpoint whose size has been reached.</summary>
    public void CheckDue()
    {
        while (_next < _pending.Count && _pending[_next].TreeSize <= Range.Size)
        {
            var cp = _pending[_next++];
            if (cp.TreeSize != Range.Size)
            {
                // Older than the retained entries (purged by retention): the signature was verified, the root cannot be.
                CheckpointsNotCheckable++;
                continue;
            }
            var root = Range.Root();
            if (root.AsSpan().SequenceEqual(cp.RootHash))
            {
                CheckpointsVerified++;
                _lastGoodSize = cp.TreeSize;
            }
            else
            {
                Issue("checkpoint.root_mismatch", null,
                    $"recomputed root at tree size {cp.TreeSize} differs from the signed checkpoint: an entry in [{_lastGoodSize}, {cp.TreeSize}) was altered, inserted or removed",
                    _lastGoodSize, cp.TreeSize);
            }
        }
    }

    public void AppendLeafHash(byte[] leafHash)
    {
        Range.Append(leafHash);
        EntriesVerified++;
        if (_next < _pending.Count) CheckDue();
    }

    public AuditVerificationReport Finish(TimeSpan elapsed)
    {
        CheckDue();
        for (var i = _next; i < _pending.Count; i++)
        {
            Issue("checkpoint.beyond_log", _pending[i].TreeSize > Range.Size ? Range.Size : null,
                $"a signed checkpoint covers {_pending[i].TreeSize} entries but the log ends at {Range.Size}: entries were removed from the end");
        }
        long? first = Issues.Where(i => i.Sequence is not null).Select(i => i.Sequence).Min();
        return new AuditVerificationReport(Issues.Count == 0, FirstSequence, EntriesVerified, Range.Size, Range.Root(),
            CheckpointsVerified, CheckpointsNotCheckable, first, Issues, elapsed);
    }
}
