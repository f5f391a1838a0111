using System.Globalization;
using System.Text;

namespace K2Verifier.Datasets.Generation.Text;

/// <summary>Long pasted documents (service logs in English, meeting minutes in Chinese) over a token target.</summary>
internal static class LongDocuments
{
    private static readonly string[] Services = ["payment-svc", "risk-engine", "gateway", "search-api", "order-svc", "inventory", "auth"];
    private static readonly string[] Levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"];
    private static readonly string[] Events =
    [
        "request completed status=200", "cache miss for key user:profile", "retrying upstream call attempt=2",
        "timeout calling risk-engine after 3000ms", "connection pool exhausted (max=64)", "GC pause 412ms",
        "circuit breaker half-open", "slow query took 2.3s: SELECT * FROM orders WHERE status = $1",
        "token refresh succeeded", "queue depth 1830 above threshold 1000",
    ];

    private static readonly string[] Minutes =
    [
        "会议讨论了第三季度的交付计划，产品经理强调上线时间不能再推迟。", "后端团队反馈支付服务在高峰期偶发超时，需要排查风控引擎的调用链路。",
        "测试同学提到回归用例覆盖率只有百分之六十二，建议补充边界场景。", "运维侧确认新机房的网络切换安排在下周二凌晨进行。",
        "市场部希望在发布会前拿到稳定的演示环境，并准备中英文两版材料。", "财务提醒本季度云资源支出已超出预算百分之十五。",
        "大家一致同意把工具调用的 id 统一为 functions.NAME:IDX 的格式，以免解析失败。", "下次会议定在周四下午三点，由李伟负责整理待办事项。",
    ];

    /// <summary>Rough token count: ASCII text about 4 characters per token, CJK and other text about 1.5.</summary>
    public static int EstimateTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii++;
            }
            else
            {
                other++;
            }
        }

        return (ascii / 4) + (int)(other / 1.5);
    }

    /// <summary>A document of at least <paramref name="minTokens"/> estimated tokens.</summary>
    public static string Create(SeededRandom rng, Language language, int minTokens)
    {
        var text = new StringBuilder();
        var line = 0;
        var seconds = rng.Next(0, 3600);
        while (EstimateTokens(text.ToString()) < minTokens)
        {
            for (var i = 0; i < 50; i++, line++)
            {
                if (language == Language.Chinese)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{line + 1}. ").Append(rng.Pick(Minutes)).Append('\n');
                }
                else
                {
                    seconds += rng.Next(1, 20);
                    var time = new DateTime(2025, 8, 15, 9, 0, 0, DateTimeKind.Utc).AddSeconds(seconds);
                    text.Append(time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(' ')
                        .Append(rng.Pick(Levels)).Append(' ').Append(rng.Pick(Services)).Append(' ')
                        .Append(rng.Pick(Events)).Append(CultureInfo.InvariantCulture, $" trace={rng.NextUInt64():x16}\n");
                }
            }
        }

        return text.ToString();
    }
}
