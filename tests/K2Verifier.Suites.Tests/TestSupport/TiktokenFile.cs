using System.Text;
using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Tests.TestSupport;

/// <summary>
/// A tiny tiktoken file written by the test: the 256 single bytes (ranks 0–255), then <c>he</c>, <c>ll</c>,
/// <c>hell</c>, <c>hello</c> (256–259), and a <c>tokenizer_config.json</c> adding three Kimi-style markers.
/// "hello" is one token, " hello" two (a space, then hello), a marker one.
/// </summary>
internal static class TiktokenFile
{
    public static void Write(string modelPath, string configPath)
    {
        var lines = new StringBuilder();
        for (var b = 0; b < 256; b++)
        {
            lines.Append(Convert.ToBase64String([(byte)b])).Append(' ').Append(b).Append('\n');
        }

        string[] merges = ["he", "ll", "hell", "hello"];
        for (var i = 0; i < merges.Length; i++)
        {
            lines.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(merges[i]))).Append(' ').Append(256 + i).Append('\n');
        }

        File.WriteAllText(modelPath, lines.ToString());
        var decoder = new JsonObject();
        string[] markers = ["<|im_user|>", "<|im_assistant|>", "<|im_end|>"];
        for (var i = 0; i < markers.Length; i++)
        {
            decoder[(1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["content"] = markers[i], ["special"] = true };
        }

        File.WriteAllText(configPath, new JsonObject { ["added_tokens_decoder"] = decoder }.ToJsonString());
    }
}
