using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources.Import;

/// <summary>Maps a header row to the table's columns by field name or element identifier (trimmed, exact).</summary>
internal static class ImportHeader
{
    /// <summary>For each column, the index of its header cell, or -1 when the file lacks it (values stay empty).</summary>
    public static Result<int[]> Map(string?[] header, IReadOnlyList<TableColumn> columns, int keyColumn)
    {
        var map = new int[columns.Count];
        Array.Fill(map, -1);
        var errors = new List<Error>();
        for (var h = 0; h < header.Length; h++)
        {
            var name = header[h]?.Trim().TrimStart('\uFEFF');
            if (string.IsNullOrEmpty(name)) continue;
            for (var i = 0; i < columns.Count; i++)
            {
                if (name != columns[i].Field && name != columns[i].ElementIdentifier) continue;
                if (map[i] >= 0)
                    errors.Add(new Error("import.header_duplicate", $"表头中“{columns[i].Field}”出现了两次（第{map[i] + 1}列和第{h + 1}列）",
                        $"The header names '{columns[i].Field}' twice (columns {map[i] + 1} and {h + 1})", columns[i].Field));
                else map[i] = h;
            }
        }
        if (keyColumn >= 0 && map[keyColumn] < 0)
            errors.Add(new Error("import.key_column_missing", $"表头缺少主键列“{columns[keyColumn].Field}”（列名应为信息项名称或数据元标识符）",
                $"The header lacks the key column '{columns[keyColumn].Field}' (use the field name or the element identifier)", columns[keyColumn].Field));
        return errors.Count > 0 ? Result<int[]>.Failure([.. errors], ErrorKind.Validation) : map;
    }
}
