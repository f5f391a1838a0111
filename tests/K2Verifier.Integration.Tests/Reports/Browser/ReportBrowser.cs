using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace K2Verifier.Integration.Tests.Reports.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: never downloaded (<c>ExecutablePath</c>, no
/// <c>playwright install</c>), one page at the given viewport, and the page's console errors and uncaught exceptions
/// collected as they arrive. The test's one deadline ends the Playwright driver, so whatever waits then fails.
/// </summary>
internal sealed class ReportBrowser : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly CancellationTokenRegistration _deadline;
    private readonly ConcurrentQueue<string> _errors;

    private ReportBrowser(IPlaywright playwright, IBrowser browser, CancellationTokenRegistration deadline, IPage page, ConcurrentQueue<string> errors)
    {
        _playwright = playwright;
        _browser = browser;
        _deadline = deadline;
        Page = page;
        _errors = errors;
    }

    /// <summary>The one page.</summary>
    public IPage Page { get; }

    /// <summary>Console errors and assertions, and uncaught exceptions of the page, in order.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>The browser executable: <c>K2V_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c> and friends; null when none is installed.</summary>
    public static string? FindExecutable() =>
        Environment.GetEnvironmentVariable("K2V_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : Candidates.FirstOrDefault(File.Exists);

    /// <summary>Starts the browser with a <paramref name="width"/> × <paramref name="height"/> page; Playwright's own time limits are off, <paramref name="deadline"/> is the only one.</summary>
    public static async Task<ReportBrowser> LaunchAsync(int width, int height, CancellationToken deadline)
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException(ChromiumFactAttribute.Missing);
        var playwright = await Playwright.CreateAsync();
        var registration = deadline.Register(playwright.Dispose);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = Arguments, Timeout = 0 });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            page.SetDefaultTimeout(0);
            var errors = new ConcurrentQueue<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "assert")
                {
                    errors.Enqueue($"console {message.Type}: {message.Text} at {message.Location}");
                }
            };
            page.PageError += (_, exception) => errors.Enqueue("exception: " + exception);
            return new ReportBrowser(playwright, browser, registration, page, errors);
        }
        catch
        {
            await registration.DisposeAsync();
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _deadline.DisposeAsync();
        try
        {
            await _browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The deadline already ended the driver, and the browser with it.
        }

        _playwright.Dispose();
    }
}
