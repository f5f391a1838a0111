using System.Globalization;
using System.Text.Json;
using K2Verifier.OrtGenAI.Model;

namespace K2Verifier.OrtGenAI.Doctor;

/// <summary>
/// Checks a model folder before it is served: static (files, consistency, chat template, manifest), resources
/// (refuses to load what cannot fit), dynamic (load, tokenizer) and semantic (round trip, logits width). Each check
/// is reported as soon as it is known; dynamic checks run only when nothing before them failed.
/// </summary>
public static partial class ModelDoctor
{
    /// <summary>Runs every check; <paramref name="report"/> sees each line as it is decided.</summary>
    public static IReadOnlyList<DoctorCheck> Run(DoctorOptions options, Action<DoctorCheck>? report = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new List<DoctorCheck>();
        void Add(DoctorCheck check)
        {
            checks.Add(check);
            report?.Invoke(check);
        }

        var directory = Path.GetFullPath(options.ModelDirectory);
        if (!Directory.Exists(directory))
        {
            Add(DoctorCheck.Fail("model folder", $"{directory} does not exist", "pass the folder that holds genai_config.json"));
            return checks;
        }

        var config = CheckGenAIConfig(directory, Add);
        var tokenizer = TokenizerFolder.Read(directory);
        if (config is not null)
        {
            Add(CheckModelFiles(directory, config));
        }

        Add(CheckTokenizerFiles(tokenizer));
        if (config is not null)
        {
            Add(CheckConsistency(config, tokenizer));
            Add(CheckSpecialTokens(config, tokenizer));
        }

        Add(CheckChatTemplate(tokenizer));
        if (options.ManifestPath is { } manifest)
        {
            Add(CheckManifest(manifest, directory));
        }

        if (config is not null)
        {
            Add(CheckResources(directory, config, options));
        }

        if (checks.Any(c => c.Status == DoctorStatus.Fail))
        {
            return checks;
        }

        RunDynamic(directory, config!, tokenizer, options, Add);
        return checks;
    }

    private static GenAIModelConfig? CheckGenAIConfig(string directory, Action<DoctorCheck> add)
    {
        try
        {
            var config = GenAIModelConfig.Read(directory);
            add(DoctorCheck.Pass("genai_config", $"{GenAIModelConfig.FileName} read (type {config.ModelType ?? "?"})"));
            return config;
        }
        catch (FileNotFoundException)
        {
            add(DoctorCheck.Fail("genai_config", $"{GenAIModelConfig.FileName} is missing", "export the model with onnxruntime-genai's model builder, which writes it"));
        }
        catch (JsonException ex)
        {
            add(DoctorCheck.Fail("genai_config", $"{GenAIModelConfig.FileName} is not valid: {ex.Message}", "restore the file from the model's source"));
        }

        return null;
    }

    private static DoctorCheck CheckModelFiles(string directory, GenAIModelConfig config)
    {
        if (config.ModelFiles.Count == 0)
        {
            return DoctorCheck.Fail("model files", "genai_config.json names no model file (model.decoder.filename)", "add the decoder's filename to genai_config.json");
        }

        var missing = config.ModelFiles.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        var empty = config.ModelFiles.Except(missing).Where(f => new FileInfo(Path.Combine(directory, f)).Length == 0).ToList();
        return missing.Count + empty.Count == 0
            ? DoctorCheck.Pass("model files", string.Join(", ", config.ModelFiles) + " present")
            : DoctorCheck.Fail(
                "model files",
                string.Join("; ", missing.Select(f => $"{f} is missing").Concat(empty.Select(f => $"{f} is empty"))),
                "copy the model's ONNX files (and their .data files) into the folder");
    }

    private static DoctorCheck CheckTokenizerFiles(TokenizerFolder tokenizer)
    {
        if (tokenizer.Problems.Count > 0)
        {
            return DoctorCheck.Fail("tokenizer files", string.Join("; ", tokenizer.Problems), "restore the tokenizer files from the model's source");
        }

        if (!tokenizer.HasTokenizer)
        {
            return DoctorCheck.Fail(
                "tokenizer files",
                "no tokenizer.json or tokenizer.model: chat requests cannot be tokenized (the model still runs from token ids)",
                "copy tokenizer.json and tokenizer_config.json from the model's source");
        }

        return tokenizer.HasTokenizerConfig
            ? DoctorCheck.Pass("tokenizer files", string.Join(", ", tokenizer.Files))
            : DoctorCheck.Warn("tokenizer files", $"{string.Join(", ", tokenizer.Files)}; no tokenizer_config.json", "copy tokenizer_config.json from the model's source");
    }

    private static DoctorCheck CheckConsistency(GenAIModelConfig config, TokenizerFolder tokenizer)
    {
        var problems = new List<string>();
        if (config.ContextLength is null)
        {
            problems.Add("model.context_length is missing");
        }

        if (config.VocabSize is null)
        {
            problems.Add("model.vocab_size is missing");
        }

        var ids = config.EosTokenIds.Select(id => ("eos_token_id", id)).Append(("bos_token_id", config.BosTokenId ?? 0)).Append(("pad_token_id", config.PadTokenId ?? 0));
        problems.AddRange(ids.Where(p => config.VocabSize is { } v && (p.Item2 < 0 || p.Item2 >= v)).Select(p => $"{p.Item1} {p.Item2} is outside vocab_size {config.VocabSize}"));
        if (problems.Count > 0)
        {
            return DoctorCheck.Fail("config consistency", string.Join("; ", problems), "correct genai_config.json (the model builder writes these fields)");
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"context_length {config.ContextLength}, vocab_size {config.VocabSize}");
        return tokenizer.VocabularySize is { } size && size != config.VocabSize
            ? DoctorCheck.Pass("config consistency", string.Create(CultureInfo.InvariantCulture, $"{message} (the tokenizer has {size:N0} ids; see logits width)"))
            : DoctorCheck.Pass("config consistency", message);
    }

    private static DoctorCheck CheckSpecialTokens(GenAIModelConfig config, TokenizerFolder tokenizer)
    {
        if (tokenizer.EosToken is not { Id: { } id } eos || config.EosTokenIds.Contains(id))
        {
            return DoctorCheck.Pass("special tokens", $"eos_token_id {string.Join(", ", config.EosTokenIds)}");
        }

        var reachable = config.VocabSize is { } v && id >= v ? $", outside the model's {v} logits so it is never generated" : string.Empty;
        return DoctorCheck.Warn(
            "special tokens",
            $"generation stops on eos_token_id {string.Join(", ", config.EosTokenIds)} (genai_config), not on the tokenizer's eos_token {eos.Text} = {id}{reachable}",
            "set model.eos_token_id in genai_config.json to the tokenizer's EOS id(s) unless this is intended");
    }

    private static DoctorCheck CheckChatTemplate(TokenizerFolder tokenizer) =>
        tokenizer.ChatTemplateSource is { } source
            ? DoctorCheck.Pass("chat template", $"found in {source}")
            : DoctorCheck.Warn("chat template", "none in tokenizer_config.json and no .jinja file", "pass --chat-template FILE when serving, or add chat_template to tokenizer_config.json");

    private static DoctorCheck CheckManifest(string manifest, string directory)
    {
        if (!File.Exists(manifest))
        {
            return DoctorCheck.Fail("manifest", $"{manifest} does not exist", "pass an existing sha256sum-format file");
        }

        var (count, problems) = Sha256Manifest.Verify(manifest, directory);
        return problems.Count == 0 && count > 0
            ? DoctorCheck.Pass("manifest", $"{count} file(s) match {Path.GetFileName(manifest)}")
            : DoctorCheck.Fail("manifest", problems.Count == 0 ? "the manifest lists no file" : string.Join("; ", problems), "re-download the files that differ, or regenerate the manifest with sha256sum");
    }
}
