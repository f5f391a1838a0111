using System.Globalization;
using System.Text;

namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>A thread-safe text writer that completes <see cref="Line"/> with the first line starting with a prefix.</summary>
internal sealed class SignallingWriter(string prefix) : StringWriter(CultureInfo.InvariantCulture)
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _pending = new();

    /// <summary>The rest of the first line that starts with the prefix.</summary>
    public TaskCompletionSource<string> Line { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
            _pending.Append(value);
            var text = _pending.ToString();
            var newline = text.LastIndexOf('\n');
            if (newline < 0)
            {
                return;
            }

            foreach (var line in text[..newline].Split('\n'))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Line.TrySetResult(line[prefix.Length..].Trim());
                }
            }

            _pending.Clear().Append(text[(newline + 1)..]);
        }
    }

    public override void WriteLine(string? value) => Write(value + "\n");

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return base.ToString();
        }
    }
}
