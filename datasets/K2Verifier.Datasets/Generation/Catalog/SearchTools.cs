using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Web search and page reading.</summary>
internal static class SearchTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("search", "web_search", "Web Search API. Each call accepts up to 3 queries in parallel; if more than 3 queries are required, make another search call.",
            """{"type":"object","properties":{"queries":{"type":"array","description":"Search queries to execute in parallel.","items":{"type":"string","minLength":1},"minItems":1,"maxItems":3},"recency_days":{"type":["integer","null"],"minimum":1,"maximum":365,"description":"Only results newer than this many days; null for any age."},"safe_search":{"type":"string","enum":["off","moderate","strict"],"default":"moderate"}},"required":["queries"],"additionalProperties":false}""",
            Ex("What are the latest developments in solid-state batteries?", "固态电池最近有什么新进展？", """{"queries":["solid-state battery breakthrough 2025"],"recency_days":30}""", """{"results":[{"title":"Toyota and Idemitsu push sulfide electrolyte pilot line","url":"https://example.com/ssb-pilot","snippet":"Pilot production targeted for 2027..."}]}"""),
            Ex("Search for reviews of the Framework Laptop 16.", "帮我搜一下 Framework Laptop 16 的评测。", """{"queries":["Framework Laptop 16 review"]}""", """{"results":[{"title":"Framework Laptop 16 review: modular to the max","url":"https://example.com/fw16","snippet":"Swappable GPU module, good keyboard, average battery life."}]}"""));
        yield return Tool("search", "fetch_url", "Download a web page and return its readable text.",
            """{"type":"object","properties":{"url":{"type":"string","format":"uri","pattern":"^https?://"},"max_chars":{"type":"integer","minimum":500,"maximum":50000,"default":8000},"render_js":{"type":"boolean","default":false}},"required":["url"],"additionalProperties":false}""",
            Ex("Read https://example.com/blog/rust-2025 and tell me what it says.", "读一下 https://example.com/blog/rust-2025 这篇文章，告诉我讲了什么。", """{"url":"https://example.com/blog/rust-2025","max_chars":8000}""", """{"title":"Rust in 2025","text":"The Rust project shipped async closures and a new trait solver..."}"""));
        yield return Tool("search", "search_news", "Search recent news articles by keyword, with optional source and language filters.",
            """{"type":"object","properties":{"query":{"type":"string","minLength":2},"language":{"type":"string","enum":["en","zh","de","fr","ja"]},"sources":{"type":"array","items":{"type":"string"},"uniqueItems":true},"from_date":{"type":"string","format":"date"},"sort_by":{"type":"string","enum":["relevance","published_at"],"default":"published_at"}},"required":["query"]}""",
            Ex("Find news from this week about the EU AI Act in English.", "找一下这周关于欧盟人工智能法案的英文新闻。", """{"query":"EU AI Act","language":"en","from_date":"2025-08-11"}""", """{"articles":[{"title":"EU publishes general-purpose AI code of practice","source":"Reuters","published_at":"2025-08-12"}]}"""));
        yield return Tool("search", "search_papers", "Search academic papers (title, abstract, authors).",
            """{"type":"object","properties":{"query":{"type":"string"},"year_range":{"type":"object","properties":{"from":{"type":"integer","minimum":1900,"maximum":2100},"to":{"type":"integer","minimum":1900,"maximum":2100}},"additionalProperties":false},"fields":{"type":"array","items":{"type":"string","enum":["cs","physics","biology","economics","math"]}},"limit":{"type":"integer","minimum":1,"maximum":50,"default":10}},"required":["query"]}""",
            Ex("Find papers since 2023 on speculative decoding for LLMs.", "找一些 2023 年以来关于大模型投机解码的论文。", """{"query":"speculative decoding large language models","year_range":{"from":2023},"fields":["cs"],"limit":10}""", """{"papers":[{"title":"Fast Inference from Transformers via Speculative Decoding","year":2023,"citations":1200}]}"""));
        yield return Tool("search", "search_images", "Find images matching a description.",
            """{"type":"object","properties":{"query":{"type":"string"},"orientation":{"type":["string","null"],"enum":["landscape","portrait","square",null]},"license":{"type":"string","enum":["any","creative_commons","commercial"],"default":"any"},"count":{"type":"integer","minimum":1,"maximum":20,"default":5}},"required":["query"],"additionalProperties":false}""",
            Ex("Find some landscape photos of the Li River in Guilin that I can use commercially.", "找几张可以商用的桂林漓江横幅照片。", """{"query":"Li River Guilin karst","orientation":"landscape","license":"commercial","count":5}""", """{"images":[{"url":"https://images.example.com/li-river-1.jpg","width":4000,"height":2250}]}"""));
    }
}
