using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Operations: deployments, logs, metrics, incidents.</summary>
internal static class DevOpsTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("devops", "get_service_logs", "Fetch recent logs of a service.",
            """{"type":"object","properties":{"service":{"type":"string"},"environment":{"type":"string","enum":["dev","staging","prod"]},"level":{"type":"string","enum":["debug","info","warn","error"],"default":"info"},"since_minutes":{"type":"integer","minimum":1,"maximum":1440,"default":60},"contains":{"type":["string","null"]}},"required":["service","environment"],"additionalProperties":false}""",
            Ex("Show me the error logs of payment-svc in prod from the last 30 minutes.", "看一下 prod 环境 payment-svc 最近 30 分钟的错误日志。", """{"service":"payment-svc","environment":"prod","level":"error","since_minutes":30}""", """{"lines":["2025-08-15T10:02:11Z ERROR timeout calling risk-engine after 3000ms"]}"""));
        yield return Tool("devops", "deploy_service", "Deploy a version of a service.",
            """{"type":"object","properties":{"service":{"type":"string"},"version":{"type":"string","pattern":"^v\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?$"},"environment":{"type":"string","enum":["dev","staging","prod"]},"strategy":{"oneOf":[{"type":"object","properties":{"kind":{"const":"rolling"},"max_unavailable":{"type":"integer","minimum":0}},"required":["kind"],"additionalProperties":false},{"type":"object","properties":{"kind":{"const":"canary"},"percent":{"type":"integer","minimum":1,"maximum":50}},"required":["kind","percent"],"additionalProperties":false}]},"dry_run":{"type":"boolean","default":false}},"required":["service","version","environment"],"additionalProperties":false}""",
            Ex("Deploy search-api v2.14.0 to staging as a 10% canary.", "把 search-api v2.14.0 以 10% 金丝雀发布到 staging。", """{"service":"search-api","version":"v2.14.0","environment":"staging","strategy":{"kind":"canary","percent":10}}""", """{"deployment_id":"dep_5512","status":"in_progress"}"""));
        yield return Tool("devops", "query_metrics", "Query a time series (PromQL).",
            """{"type":"object","properties":{"promql":{"type":"string"},"start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"},"step_seconds":{"type":"integer","minimum":5,"maximum":3600,"default":60}},"required":["promql"],"additionalProperties":false}""",
            Ex("What's the p99 latency of the gateway over the last hour?", "网关过去一小时的 p99 延迟是多少？", """{"promql":"histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job=\"gateway\"}[5m])) by (le))","step_seconds":60}""", """{"series":[{"values":[[1755252000,0.412],[1755252060,0.398]]}]}"""));
        yield return Tool("devops", "create_incident", "Open an incident and page the on-call.",
            """{"type":"object","properties":{"title":{"type":"string","maxLength":120},"severity":{"type":"string","enum":["sev1","sev2","sev3","sev4"]},"services":{"type":"array","items":{"type":"string"},"minItems":1},"description":{"type":"string"},"page_oncall":{"type":"boolean","default":true}},"required":["title","severity","services"],"additionalProperties":false}""",
            Ex("Open a sev2 incident for payment-svc: timeouts calling risk-engine.", "给 payment-svc 开一个 sev2 事故：调用 risk-engine 超时。", """{"title":"payment-svc timeouts calling risk-engine","severity":"sev2","services":["payment-svc","risk-engine"]}""", """{"incident_id":"INC-2291","status":"open","paged":"alice"}"""));
        yield return Tool("devops", "scale_deployment", "Change the replica count of a Kubernetes deployment.",
            """{"type":"object","properties":{"namespace":{"type":"string","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},"deployment":{"type":"string"},"replicas":{"type":"integer","minimum":0,"maximum":200}},"required":["namespace","deployment","replicas"],"additionalProperties":false}""",
            Ex("Scale the worker deployment in namespace batch to 12 replicas.", "把 batch 命名空间的 worker 扩到 12 个副本。", """{"namespace":"batch","deployment":"worker","replicas":12}""", """{"status":"scaled","replicas":12}"""));
    }
}
