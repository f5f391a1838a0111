using System.Text.Json;

namespace K2Verifier.Results;

/// <summary>
/// The identity fields of a results row (<c>data_index, status, last_run_at, hash</c>), read by a forward scan that
/// skips the request and response: compaction and incremental resume need only these, for thousands of rows.
/// </summary>
public readonly record struct RowHeader(int DataIndex, string? Status, string? LastRunAt, string? Hash)
{
    /// <summary>Reads the header of one row; false when the line is not a JSON object with an integer data_index.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Line, out RowHeader header)
    {
        header = default;
        int? dataIndex = null;
        string? status = null, lastRunAt = null, hash = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Line, Json.JsonText.DeepReader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("data_index"u8) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var index))
                {
                    dataIndex = index;
                }
                else if (reader.TokenType == JsonTokenType.String && name.SequenceEqual("status"u8))
                {
                    status = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.String && name.SequenceEqual("last_run_at"u8))
                {
                    lastRunAt = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.String && name.SequenceEqual("hash"u8))
                {
                    hash = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || dataIndex is null)
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        header = new RowHeader(dataIndex.Value, status, lastRunAt, hash);
        return true;
    }
}
