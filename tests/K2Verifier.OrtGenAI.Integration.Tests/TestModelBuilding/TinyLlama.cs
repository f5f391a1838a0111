using System.Globalization;
using K2Verifier.OrtGenAI.Guidance;
using static K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding.OnnxProto;

namespace K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding;

/// <summary>
/// A tiny random-weight decoder-only model of GenAI's <c>llama</c> type, written at test time (never downloaded,
/// never committed): <c>model.onnx</c> with llama's input/output contract (<c>input_ids</c>, <c>attention_mask</c>,
/// <c>past_key_values.N.key|value</c> → <c>logits</c>, <c>present.N.key|value</c>, KV as [batch, kv_heads, seq,
/// head_size]), a llama <c>genai_config.json</c>, and tiny-random-gpt2's tokenizer trimmed to the 1000 logits (EOS
/// <c>&lt;|endoftext|&gt;</c> = 999). Each layer is ONNX Runtime's <c>GroupQueryAttention</c> over query, key and value
/// projections of the token embeddings (lengths from the attention mask, as GenAI's model builder derives them), and
/// the logits are the token's own projection plus a projection of the last layer's attention output: no MLP, norms
/// or rotary embedding, but the attention and cache GenAI's engine expects. Weights come from a seeded generator: the
/// same seed gives the same model. Linked into the benchmarks too (<c>bench generate</c> builds its models with it).
/// </summary>
internal static partial class TinyLlama
{
    public const int Vocabulary = 1000;
    public const int ContextLength = 512;

    /// <summary>
    /// Writes a model of <paramref name="shape"/> into <paramref name="folder"/> (created; must not exist), with the
    /// tokenizer of tiny-random-gpt2 (<paramref name="gpt2Folder"/>) trimmed to the 1000 logits.
    /// </summary>
    public static void Write(string folder, string gpt2Folder, TinyLlamaShape shape, int seed = 17)
    {
        VocabularyTrimmer.CreateTrimmedCopy(gpt2Folder, folder, moveEndOfTextIntoLogits: true);
        File.Delete(Path.Combine(folder, "past.onnx"));
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), BuildModel(new Random(seed), shape));
        File.WriteAllText(Path.Combine(folder, "genai_config.json"), Config(shape));
    }

    private static byte[] BuildModel(Random random, TinyLlamaShape shape)
    {
        var (hidden, heads, headSize, layers) = shape;
        var kv = heads * headSize;
        var initializers = new List<byte[]>
        {
            Weights("embedding", random, Vocabulary, hidden),
            Weights("token_head", random, hidden, Vocabulary),
            Weights("context_head", random, kv, Vocabulary),
            Longs("axis_1", 1),
            Tensor("one", [], Int64Type, BitConverter.GetBytes(1L)),
        };
        var nodes = new List<byte[]>
        {
            Node("Gather", ["embedding", "input_ids"], "x"),
            // GroupQueryAttention's lengths, as GenAI's model builder derives them: seqlens_k = mask sum - 1, and the total length.
            Node("ReduceSum", ["attention_mask", "axis_1"], "mask_sum", IntAttribute("keepdims", 0)),
            Node("Sub", ["mask_sum", "one"], "seqlens_k64"),
            Node("Cast", ["seqlens_k64"], "seqlens_k", IntAttribute("to", Int32Type)),
            Node("Shape", ["attention_mask"], "mask_shape"),
            Node("Gather", ["mask_shape", "one"], "total64"),
            Node("Cast", ["total64"], "total_sequence_length", IntAttribute("to", Int32Type)),
        };
        var inputs = new List<byte[]> { Value("input_ids", Int64Type, "batch", "seq"), Value("attention_mask", Int64Type, "batch", "total") };
        var outputs = new List<byte[]> { Value("logits", FloatType, "batch", "seq", Vocabulary) };
        for (var layer = 0; layer < layers; layer++)
        {
            var projections = new List<string>();
            foreach (var kind in new[] { "query", "key", "value" })
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{kind}_{layer}");
                initializers.Add(Weights($"w_{name}", random, hidden, kv));
                nodes.Add(Node("MatMul", ["x", $"w_{name}"], name));
                projections.Add(name);
            }

            string Name(string format) => string.Format(CultureInfo.InvariantCulture, format, layer);
            nodes.Add(Node(
                MicrosoftDomain,
                "GroupQueryAttention",
                [.. projections, Name("past_key_values.{0}.key"), Name("past_key_values.{0}.value"), "seqlens_k", "total_sequence_length"],
                [Name("attention_{0}"), Name("present.{0}.key"), Name("present.{0}.value")],
                IntAttribute("num_heads", heads),
                IntAttribute("kv_num_heads", heads)));
            foreach (var kind in new[] { "key", "value" })
            {
                inputs.Add(Value($"past_key_values.{layer}.{kind}", FloatType, "batch", heads, "past", headSize));
                outputs.Add(Value($"present.{layer}.{kind}", FloatType, "batch", heads, "total", headSize));
            }
        }

        var lastAttention = string.Create(CultureInfo.InvariantCulture, $"attention_{layers - 1}");
        nodes.AddRange(
        [
            Node("MatMul", [lastAttention, "context_head"], "context_logits"),
            Node("MatMul", ["x", "token_head"], "token_logits"),
            Node("Add", ["token_logits", "context_logits"], "logits"),
        ]);
        return OnnxProto.Model(Graph(nodes, initializers, inputs, outputs), opset: 17);
    }

    private static byte[] Weights(string name, Random random, params long[] dims)
    {
        var count = checked((int)dims.Aggregate(1L, (a, b) => a * b));
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var raw = new byte[count * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return Tensor(name, dims, FloatType, raw);
    }

    private static byte[] Longs(string name, params long[] values)
    {
        var raw = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return Tensor(name, [values.Length], Int64Type, raw);
    }

    private static string Config(TinyLlamaShape shape) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "model": {
            "type": "llama",
            "bos_token_id": 999,
            "eos_token_id": 999,
            "pad_token_id": 999,
            "vocab_size": {{Vocabulary}},
            "context_length": {{ContextLength}},
            "decoder": {
              "session_options": { "provider_options": [] },
              "filename": "model.onnx",
              "hidden_size": {{shape.Hidden}},
              "num_attention_heads": {{shape.Heads}},
              "num_key_value_heads": {{shape.Heads}},
              "head_size": {{shape.HeadSize}},
              "num_hidden_layers": {{shape.Layers}},
              "inputs": {
                "input_ids": "input_ids",
                "attention_mask": "attention_mask",
                "past_key_names": "past_key_values.%d.key",
                "past_value_names": "past_key_values.%d.value"
              },
              "outputs": {
                "logits": "logits",
                "present_key_names": "present.%d.key",
                "present_value_names": "present.%d.value"
              }
            }
          },
          "search": { "max_length": {{ContextLength}} }
        }
        """);
}
