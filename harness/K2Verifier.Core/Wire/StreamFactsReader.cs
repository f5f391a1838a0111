using System.Text.Json;
using K2Verifier.Json;

namespace K2Verifier.Wire;

/// <summary>Reads the <see cref="StreamFacts"/> of a raw SSE stream in one pass over its events.</summary>
public sealed class StreamFactsReader
{
    private readonly Dictionary<string, StreamNote> _notes = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Choice, int Call), (string? Id, string? Name)> _headers = [];
    private readonly HashSet<int> _finished = [];
    private readonly SortedSet<int> _choices = [];
    // The facts as plain fields while reading (a record copy per chunk was garbage); the record is made on request.
    private int _events;
    private bool _done;
    private int? _firstDeltaChunk;
    private bool _firstDeltaRole;
    private int? _finishChunk;
    private int? _usageChunk;
    private int? _lastChunk;

    /// <summary>The facts of <paramref name="sseText"/>.</summary>
    public static StreamFacts Read(string sseText) => Normalization.StreamDigest.Read(sseText, null).Facts;

    /// <summary>The facts so far.</summary>
    public StreamFacts Facts => new()
    {
        Events = _events,
        Done = _done,
        FirstDeltaChunk = _firstDeltaChunk,
        FirstDeltaRole = _firstDeltaRole,
        FinishChunk = _finishChunk,
        UsageChunk = _usageChunk,
        LastChunk = _lastChunk,
        ChoiceIndexes = [.. _choices],
        Notes = [.. _notes.Values.OrderBy(n => n.Chunk)],
    };

    /// <summary>Adds the <c>[DONE]</c> sentinel.</summary>
    internal void AddDone()
    {
        NextChunk();
        _done = true;
    }

    /// <summary>Adds an event whose data is not JSON.</summary>
    internal void AddNotJson(string data) => Note(WireCodes.StreamNonJsonEvent.Code, NextChunk(), null, data);

    /// <summary>Adds an event already parsed (<paramref name="data"/> is its UTF-8 text, for excerpts).</summary>
    internal void Add(ReadOnlySpan<byte> data, JsonElement root)
    {
        var chunk = NextChunk();
        if (root.ValueKind != JsonValueKind.Object)
        {
            Note(WireCodes.StreamNonJsonEvent.Code, chunk, null, Normalization.SseData.Text(data));
            return;
        }

        AddChunk(root, chunk);
    }

    private int NextChunk() => ++_events;

    private void AddChunk(JsonElement root, int chunk)
    {
        _lastChunk = chunk;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            _usageChunk = chunk;
        }

        var choices = root.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array ? c : (JsonElement?)null;
        if (choices is null || choices.Value.GetArrayLength() == 0)
        {
            if (_finishChunk is not null && _usageChunk != chunk)
            {
                Note(WireCodes.StreamChunkAfterFinish.Code, chunk, null, root.GetRawText());
            }

            return;
        }

        foreach (var choice in choices.Value.EnumerateArray())
        {
            if (choice.ValueKind == JsonValueKind.Object)
            {
                AddChoice(choice, chunk);
            }
        }
    }

    private void AddChoice(JsonElement choice, int chunk)
    {
        var index = choice.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;
        _choices.Add(index);
        if (_finished.Contains(index))
        {
            Note(WireCodes.StreamChunkAfterFinish.Code, chunk, $"choices[{index}]", choice.GetRawText());
        }

        if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
        {
            if (_firstDeltaChunk is null)
            {
                _firstDeltaChunk = chunk;
                _firstDeltaRole = delta.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String;
            }

            if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                AddToolCalls(index, calls, chunk);
            }
        }

        if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String)
        {
            _finished.Add(index);
            _finishChunk ??= chunk;
        }
    }

    private void AddToolCalls(int choice, JsonElement calls, int chunk)
    {
        foreach (var call in calls.EnumerateArray())
        {
            if (call.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (!call.TryGetProperty("index", out var i) || !i.TryGetInt32(out var index))
            {
                Note(WireCodes.StreamToolCallWithoutIndex.Code, chunk, $"choices[{choice}].delta.tool_calls", call.GetRawText());
                index = 0;
            }

            var id = Text(call, "id");
            var name = call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? Text(f, "name") : null;
            if (!_headers.TryGetValue((choice, index), out var seen))
            {
                _headers[(choice, index)] = (id, name);
                continue;
            }

            if (id is not null && seen.Id is not null)
            {
                Note(WireCodes.StreamToolCallHeaderRepeated.Code, chunk, $"tool_calls[{index}].id", seen.Id == id ? id : $"{seen.Id} → {id}");
            }

            if (name is not null && seen.Name is not null)
            {
                Note(WireCodes.StreamToolCallHeaderRepeated.Code, chunk, $"tool_calls[{index}].function.name", seen.Name == name ? name : $"{seen.Name} → {name}");
            }

            _headers[(choice, index)] = (seen.Id ?? id, seen.Name ?? name);
        }
    }

    private void Note(string kind, int chunk, string? field, string excerpt)
    {
        _notes[kind] = _notes.TryGetValue(kind, out var first)
            ? first with { Count = first.Count + 1 }
            : new StreamNote(kind, chunk, 1, field, WireText.Excerpt(excerpt));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
