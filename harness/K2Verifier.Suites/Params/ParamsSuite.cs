using K2Verifier.Backends;
using K2Verifier.Suites.Probing;

namespace K2Verifier.Suites.Params;

/// <summary>
/// The parameter preflight (KVV <c>tests/params/</c>): each row of the table changes the base request; a wrong value
/// must be refused with a 4xx and an error body, the defaults must be served with a 200. Non-stream only.
/// </summary>
public sealed class ParamsSuite(IReadOnlyList<ParamProbe> table, string model, ModelProfile profile) : IProbeSuite
{
    /// <inheritdoc/>
    public string Name => "params";

    /// <inheritdoc/>
    public IReadOnlyList<ProbeCase> Cases()
    {
        var baseBody = ProbeRequests.Base(model, profile, ProbeRequests.WeatherPrompt, ProbeRequests.WeatherTool());
        return [.. table.Select(row => new ProbeCase
        {
            Probe = row.Name,
            Body = ProbeRequests.Merge(baseBody, row.Change),
            Expected = row.Expect,
            Rationale = row.Rationale,
            Required = row.Required,
        })];
    }

    /// <inheritdoc/>
    public ProbeVerdict Judge(ProbeCase probe, BackendResponse response) => ExpectStatus(probe, response);

    /// <summary>Judges a <c>200</c> or <c>4xx</c> expectation (shared with the tool-choice suite's invalid values).</summary>
    public static ProbeVerdict ExpectStatus(ProbeCase probe, BackendResponse response)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var answer = ProbeAnswer.Read(response);
        var message = ProbeAnswer.ErrorMessage(response);
        if (answer.StatusCode is null or >= 500)
        {
            return new ProbeVerdict(ProbeStatus.Error, false, answer.StatusClass, answer.StatusCode is null ? "no_response" : "http_5xx", message);
        }

        if (probe.Expected == "4xx")
        {
            if (!answer.IsClientError)
            {
                return new ProbeVerdict(ProbeStatus.Fail, false, answer.StatusClass, "accepted_invalid", "the deployment served a request it should refuse");
            }

            return string.IsNullOrWhiteSpace(response.Body)
                ? new ProbeVerdict(ProbeStatus.Fail, false, answer.StatusClass, "no_error_body", "refused without an error body")
                : new ProbeVerdict(ProbeStatus.Pass, true, answer.StatusClass, "refused", message);
        }

        if (answer.IsClientError)
        {
            return new ProbeVerdict(ProbeStatus.Fail, false, answer.StatusClass, "refused_valid", message);
        }

        return answer.Response is null
            ? new ProbeVerdict(ProbeStatus.Error, false, answer.StatusClass, "unreadable_response", "the body is not a chat completion")
            : new ProbeVerdict(ProbeStatus.Pass, true, answer.StatusClass, "served", $"finish_reason {answer.Response.FinishReason ?? "none"}");
    }
}
