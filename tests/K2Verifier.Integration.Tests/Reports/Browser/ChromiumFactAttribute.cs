namespace K2Verifier.Integration.Tests.Reports.Browser;

/// <summary>
/// A test that needs headless Chromium. Where it is missing the test is skipped with the reason, except in CI
/// (<c>CI=true</c>), where it runs and fails with that reason: .ci/run installs Debian's <c>chromium</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Missing = "Chromium is not installed (looked for $K2V_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome); install it with 'apt-get install -y chromium' (.ci/run does)";

    public ChromiumFactAttribute()
    {
        if (ReportBrowser.FindExecutable() is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = Missing;
        }
    }
}
