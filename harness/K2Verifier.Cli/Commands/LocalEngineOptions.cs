using System.CommandLine;
using K2Verifier.OrtGenAI.Engine;

namespace K2Verifier.Cli.Commands;

/// <summary><c>--ortgenai-lib PATH</c> and <c>--device cpu|cuda</c>, shared by doctor and the local engine.</summary>
internal sealed class LocalEngineOptions
{
    public Option<string?> Library { get; } = new("--ortgenai-lib")
    {
        Description = "The ONNX Runtime GenAI library (libonnxruntime-genai.so) or its folder, with libonnxruntime.so beside it. "
            + "Default: $K2V_ORTGENAI_LIB, then the NuGet package's copy next to k2verifier, then the system loader.",
        HelpName = "PATH",
    };

    public Option<string> Device { get; } = Parsing.ChoiceOption.Create(
        "--device",
        "Where the model runs. cuda needs the CUDA build (-p:OrtGenAiCuda=true) and a GPU; it never falls back to cpu.",
        "cpu",
        "cpu", "cuda");

    public void AddTo(Command command)
    {
        command.Options.Add(Library);
        command.Options.Add(Device);
    }

    public ExecutionDevice BindDevice(ParseResult parseResult) =>
        string.Equals(parseResult.GetValue(Device), "cuda", StringComparison.OrdinalIgnoreCase) ? ExecutionDevice.Cuda : ExecutionDevice.Cpu;

    public string? BindLibrary(ParseResult parseResult) => parseResult.GetValue(Library);
}
