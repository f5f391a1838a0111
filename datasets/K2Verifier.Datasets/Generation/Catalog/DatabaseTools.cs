using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Databases and analytics.</summary>
internal static class DatabaseTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("database", "run_sql_query", "Run a read-only SQL query on the analytics warehouse.",
            """{"type":"object","properties":{"sql":{"type":"string","minLength":1},"database":{"type":"string","enum":["analytics","billing","crm"]},"max_rows":{"type":"integer","minimum":1,"maximum":10000,"default":500},"parameters":{"type":"array","items":{"type":["string","number","boolean","null"]}}},"required":["sql","database"],"additionalProperties":false}""",
            Ex("How many orders did we get per day last week? Query the billing database.", "查一下 billing 库上周每天的订单数。", """{"sql":"SELECT order_date, COUNT(*) FROM orders WHERE order_date >= CURRENT_DATE - 7 GROUP BY 1 ORDER BY 1","database":"billing"}""", """{"columns":["order_date","count"],"rows":[["2025-08-08",1834],["2025-08-09",1702]]}"""));
        yield return Tool("database", "describe_table", "Describe a table's columns and indexes.",
            """{"type":"object","properties":{"database":{"type":"string"},"table":{"type":"string","pattern":"^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?$"}},"required":["database","table"],"additionalProperties":false}""",
            Ex("What columns does the crm.customers table have?", "crm 库的 customers 表有哪些字段？", """{"database":"crm","table":"customers"}""", """{"columns":[{"name":"id","type":"bigint"},{"name":"email","type":"text"},{"name":"created_at","type":"timestamptz"}]}"""));
        yield return Tool("database", "insert_records", "Insert rows into a table.",
            """{"type":"object","properties":{"table":{"type":"string"},"records":{"type":"array","items":{"type":"object","minProperties":1},"minItems":1,"maxItems":1000},"on_conflict":{"type":"string","enum":["error","ignore","update"],"default":"error"}},"required":["table","records"],"additionalProperties":false}""",
            Ex("Add a customer Zhang Min, zhang.min@example.com, to the customers table.", "往 customers 表里加一个客户：张敏，zhang.min@example.com。", """{"table":"customers","records":[{"name":"Zhang Min","email":"zhang.min@example.com"}]}""", """{"inserted":1}"""));
        yield return Tool("database", "create_chart", "Build a chart from a saved query.",
            """{"type":"object","properties":{"query_id":{"type":"string"},"chart_type":{"type":"string","enum":["line","bar","pie","scatter"]},"x":{"type":"string"},"y":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"minItems":1}]},"title":{"type":"string"}},"required":["query_id","chart_type","x","y"]}""",
            Ex("Make a line chart of query q_771 with date on x and revenue and cost on y.", "用查询 q_771 画折线图，x 轴日期，y 轴收入和成本。", """{"query_id":"q_771","chart_type":"line","x":"date","y":["revenue","cost"]}""", """{"chart_url":"https://bi.example.com/c/5521"}"""));
        yield return Tool("database", "search_knowledge_base", "Semantic search over the internal knowledge base.",
            """{"type":"object","properties":{"query":{"type":"string"},"collections":{"type":"array","items":{"type":"string","enum":["hr","engineering","sales","legal"]}},"top_k":{"type":"integer","minimum":1,"maximum":20},"min_score":{"type":"number","minimum":0,"maximum":1}},"required":["query"],"additionalProperties":false}""",
            Ex("What's our policy on remote work from abroad? Check the HR knowledge base.", "查一下 HR 知识库：在国外远程办公的政策是什么？", """{"query":"remote work from abroad policy","collections":["hr"],"top_k":3}""", """{"hits":[{"title":"Working abroad","snippet":"Up to 30 days per year with manager approval."}]}"""));
    }
}
