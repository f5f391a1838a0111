using K2Verifier.OrtGenAI.Loading;

namespace K2Verifier.OrtGenAI.Integration.Tests.Loading;

public sealed class OrtGenAILibraryLocatorTests
{
    private static readonly Dictionary<string, string> Home = new() { ["HOME"] = "/home/u" };

    [Fact]
    public void Probes_NothingExplicit_AppFolderThenPackageFolderThenSystem()
    {
        var probes = OrtGenAILibraryLocator.Probes(null, Home.GetValueOrDefault, "/app");

        Assert.Equal(["application folder", "application folder", "system loader"], probes.Select(p => p.Source));
        Assert.Equal("/app/libonnxruntime-genai.so", probes[0].GenAIPath);
        Assert.Equal("/app/runtimes/linux-x64/native/libonnxruntime-genai.so", probes[1].GenAIPath);
        Assert.True(probes[2].IsSystem);
    }

    [Fact]
    public void Probes_ExplicitPath_IsTheOnlyProbeEvenWhenTheVariableIsSet()
    {
        var environment = new Dictionary<string, string>(Home) { ["K2V_ORTGENAI_LIB"] = "/env/lib.so" };

        var probe = Assert.Single(OrtGenAILibraryLocator.Probes("/opt/genai/libonnxruntime-genai.so", environment.GetValueOrDefault, "/app"));

        Assert.Equal(("--ortgenai-lib", "/opt/genai/libonnxruntime-genai.so", true), (probe.Source, probe.GenAIPath, probe.IsExplicit));
    }

    [Fact]
    public void Probes_EnvironmentVariable_IsUsedWithoutFallingBack()
    {
        var environment = new Dictionary<string, string>(Home) { ["K2V_ORTGENAI_LIB"] = "/env/libonnxruntime-genai.so" };

        var probe = Assert.Single(OrtGenAILibraryLocator.Probes(null, environment.GetValueOrDefault, "/app"));

        Assert.Equal("K2V_ORTGENAI_LIB", probe.Source);
    }

    [Fact]
    public void ExpandToFile_Folder_PointsAtTheLibraryInside()
    {
        var folder = Path.GetTempPath();

        Assert.Equal(Path.Combine(Path.GetFullPath(folder), "libonnxruntime-genai.so"), OrtGenAILibraryLocator.ExpandToFile(folder));
    }
}
