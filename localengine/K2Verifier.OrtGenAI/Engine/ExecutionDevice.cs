namespace K2Verifier.OrtGenAI.Engine;

/// <summary>Where the model runs (<c>--device cpu|cuda</c>). There is no silent fallback from one to the other.</summary>
public enum ExecutionDevice
{
    /// <summary>ONNX Runtime's CPU provider: every provider listed in genai_config.json is cleared.</summary>
    Cpu,

    /// <summary>The CUDA provider; fails with GenAI's reason when the CUDA build or a GPU is not there.</summary>
    Cuda,
}
