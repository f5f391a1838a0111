using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace K2Verifier.Suites.Tokens;

/// <summary>
/// A Hugging Face <c>Sequence</c> of <c>Split</c> pre-tokenizers (behaviour <c>Isolated</c>): special tokens are cut
/// out first, then each regex in turn splits every piece into its matches and the text between them (DeepSeek-V3 has
/// three; Qwen3 and Llama 3 one).
/// </summary>
internal sealed class SplitSequencePreTokenizer(IReadOnlyList<Regex> splits, IReadOnlyCollection<string> specialTokens) : PreTokenizer
{
    private readonly Regex? _special = specialTokens.Count == 0
        ? null
        : new Regex(string.Join("|", specialTokens.OrderByDescending(t => t.Length).Select(Regex.Escape)), RegexOptions.CultureInvariant);

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text ?? string.Empty);

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text.ToString());

    private List<(int Offset, int Length)> Split(string text)
    {
        var pieces = new List<(int Offset, int Length)>();
        var plain = new List<(int Offset, int Length)>();
        var position = 0;
        foreach (var match in _special is null ? [] : _special.Matches(text).Cast<Match>())
        {
            AddPlain(text, position, match.Index - position, pieces);
            pieces.Add((match.Index, match.Length));
            position = match.Index + match.Length;
        }

        AddPlain(text, position, text.Length - position, pieces);
        return pieces;
    }

    private void AddPlain(string text, int offset, int length, List<(int Offset, int Length)> pieces)
    {
        if (length <= 0)
        {
            return;
        }

        IEnumerable<(int Offset, int Length)> current = [(offset, length)];
        foreach (var regex in splits)
        {
            current = current.SelectMany(piece => Isolate(regex, text, piece)).ToList();
        }

        pieces.AddRange(current);
    }

    private static IEnumerable<(int Offset, int Length)> Isolate(Regex regex, string text, (int Offset, int Length) piece)
    {
        var position = piece.Offset;
        var end = piece.Offset + piece.Length;
        var match = regex.Match(text, piece.Offset, piece.Length);
        while (match.Success)
        {
            if (match.Length == 0)
            {
                match = match.NextMatch();
                continue;
            }

            if (match.Index > position)
            {
                yield return (position, match.Index - position);
            }

            yield return (match.Index, match.Length);
            position = match.Index + match.Length;
            match = match.NextMatch();
        }

        if (end > position)
        {
            yield return (position, end - position);
        }
    }
}
