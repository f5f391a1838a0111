using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Markets, currencies and personal finance.</summary>
internal static class FinanceTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("finance", "get_stock_quote", "Latest quote for one or more tickers.",
            """{"type":"object","properties":{"symbols":{"type":"array","items":{"type":"string","pattern":"^[A-Z0-9.]{1,10}$"},"minItems":1,"maxItems":20},"exchange":{"type":["string","null"],"enum":["NASDAQ","NYSE","SSE","SZSE","HKEX",null]}},"required":["symbols"],"additionalProperties":false}""",
            Ex("What's NVDA trading at?", "英伟达现在股价多少？", """{"symbols":["NVDA"],"exchange":"NASDAQ"}""", """{"quotes":[{"symbol":"NVDA","price":182.02,"change_pct":-0.86}]}"""),
            Ex("Quote Kweichow Moutai, 600519.SS.", "查一下贵州茅台 600519.SS 的行情。", """{"symbols":["600519.SS"],"exchange":"SSE"}""", """{"quotes":[{"symbol":"600519.SS","price":1432.5,"change_pct":0.42}]}"""));
        yield return Tool("finance", "convert_currency", "Convert an amount between currencies at the latest rate.",
            """{"type":"object","properties":{"amount":{"type":"number","exclusiveMinimum":0},"from":{"type":"string","pattern":"^[A-Z]{3}$"},"to":{"type":"string","pattern":"^[A-Z]{3}$"},"date":{"type":["string","null"],"format":"date"}},"required":["amount","from","to"],"additionalProperties":false}""",
            Ex("How much is 2500 EUR in CNY?", "2500 欧元是多少人民币？", """{"amount":2500,"from":"EUR","to":"CNY"}""", """{"result":20815.5,"rate":8.3262}"""));
        yield return Tool("finance", "get_price_history", "Historical daily prices for a ticker.",
            """{"type":"object","properties":{"symbol":{"type":"string"},"start":{"type":"string","format":"date"},"end":{"type":"string","format":"date"},"interval":{"type":"string","enum":["1d","1wk","1mo"],"default":"1d"},"adjusted":{"type":"boolean","default":true}},"required":["symbol","start","end"]}""",
            Ex("Get AAPL weekly prices from 2025-01-01 to 2025-06-30.", "拉一下 AAPL 2025-01-01 到 2025-06-30 的周线价格。", """{"symbol":"AAPL","start":"2025-01-01","end":"2025-06-30","interval":"1wk"}""", """{"prices":[{"date":"2025-01-06","close":236.85}]}"""));
        yield return Tool("finance", "calculate_loan_payment", "Monthly payment and schedule of an amortised loan.",
            """{"type":"object","properties":{"principal":{"type":"number","minimum":1000},"annual_rate_pct":{"type":"number","minimum":0,"maximum":30},"term_months":{"type":"integer","minimum":1,"maximum":480},"method":{"type":"string","enum":["equal_installment","equal_principal"],"default":"equal_installment"}},"required":["principal","annual_rate_pct","term_months"],"additionalProperties":false}""",
            Ex("What's the monthly payment on a 1.2 million yuan mortgage at 3.1% over 30 years?", "120 万房贷、年利率 3.1%、30 年，每月还多少？", """{"principal":1200000,"annual_rate_pct":3.1,"term_months":360}""", """{"monthly_payment":5124.18,"total_interest":644704.8}"""));
        yield return Tool("finance", "list_transactions", "List bank account transactions.",
            """{"type":"object","properties":{"account_id":{"type":"string"},"from_date":{"type":"string","format":"date"},"to_date":{"type":"string","format":"date"},"category":{"type":["string","null"],"enum":["groceries","transport","dining","utilities","salary","other",null]},"min_amount":{"type":"number"}},"required":["account_id","from_date","to_date"],"additionalProperties":false}""",
            Ex("Show my dining transactions on account acc_main for July 2025.", "看看 acc_main 账户 2025 年 7 月的餐饮消费。", """{"account_id":"acc_main","from_date":"2025-07-01","to_date":"2025-07-31","category":"dining"}""", """{"transactions":[{"date":"2025-07-03","merchant":"Haidilao","amount":-312.0}]}"""));
    }
}
