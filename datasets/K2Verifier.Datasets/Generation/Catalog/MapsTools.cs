using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Geocoding, routing and places.</summary>
internal static class MapsTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("maps", "geocode_address", "Convert an address into coordinates.",
            """{"type":"object","properties":{"address":{"type":"string","minLength":3},"country_code":{"type":"string","pattern":"^[A-Z]{2}$"}},"required":["address"],"additionalProperties":false}""",
            Ex("What are the coordinates of 1600 Amphitheatre Parkway, Mountain View?", "Mountain View 的 1600 Amphitheatre Parkway 经纬度是多少？", """{"address":"1600 Amphitheatre Parkway, Mountain View, CA","country_code":"US"}""", """{"lat":37.4224764,"lon":-122.0842499,"confidence":0.98}"""));
        yield return Tool("maps", "plan_route", "Plan a route between two or more points.",
            """{"type":"object","properties":{"origin":{"type":"string"},"destination":{"type":"string"},"waypoints":{"type":"array","items":{"type":"string"},"maxItems":8},"mode":{"type":"string","enum":["driving","walking","cycling","transit"],"default":"driving"},"avoid":{"type":"array","items":{"type":"string","enum":["tolls","highways","ferries"]},"uniqueItems":true},"depart_at":{"type":["string","null"],"format":"date-time"}},"required":["origin","destination"],"additionalProperties":false}""",
            Ex("How do I get from Shanghai Hongqiao station to the Bund by public transport?", "从上海虹桥站坐公共交通到外滩怎么走？", """{"origin":"Shanghai Hongqiao Railway Station","destination":"The Bund, Shanghai","mode":"transit"}""", """{"duration_min":52,"distance_km":19.3,"steps":["Metro Line 2 to East Nanjing Road","Walk 800 m"]}"""),
            Ex("Plan a drive from Munich to Venice avoiding tolls.", "规划一条从慕尼黑开车到威尼斯、避开收费路段的路线。", """{"origin":"Munich, DE","destination":"Venice, IT","mode":"driving","avoid":["tolls"]}""", """{"duration_min":470,"distance_km":512,"steps":["A8 towards Salzburg","B178 ..."]}"""));
        yield return Tool("maps", "search_nearby_places", "Search places near a point.",
            """{"type":"object","properties":{"query":{"type":"string"},"near":{"type":"object","properties":{"lat":{"type":"number"},"lon":{"type":"number"}},"required":["lat","lon"]},"radius_m":{"type":"integer","minimum":50,"maximum":50000,"default":1500},"open_now":{"type":"boolean"},"min_rating":{"type":"number","minimum":0,"maximum":5}},"required":["query","near"]}""",
            Ex("Find a coffee shop open now near 31.2304, 121.4737 with at least 4.5 stars.", "在 31.2304, 121.4737 附近找一家现在营业、评分4.5以上的咖啡店。", """{"query":"coffee","near":{"lat":31.2304,"lon":121.4737},"open_now":true,"min_rating":4.5}""", """{"places":[{"name":"Seesaw Coffee","rating":4.6,"distance_m":420}]}"""));
        yield return Tool("maps", "get_place_details", "Details (hours, phone, reviews) of a place by id.",
            """{"type":"object","properties":{"place_id":{"type":"string","pattern":"^pl_[A-Za-z0-9]{6,}$"},"fields":{"type":"array","items":{"type":"string","enum":["hours","phone","reviews","photos","website"]}},"language":{"type":"string","default":"en"}},"required":["place_id"],"additionalProperties":false}""",
            Ex("Get the opening hours and phone number for place pl_8fK2mQ91.", "查一下 pl_8fK2mQ91 这个地点的营业时间和电话。", """{"place_id":"pl_8fK2mQ91","fields":["hours","phone"]}""", """{"name":"Lao Wang Noodles","hours":"10:00-22:00","phone":"+86 21 5555 0101"}"""));
        yield return Tool("maps", "get_distance_matrix", "Travel times between several origins and destinations.",
            """{"type":"object","properties":{"origins":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":10},"destinations":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":10},"mode":{"type":"string","enum":["driving","walking","transit"]}},"required":["origins","destinations"]}""",
            Ex("How long does it take to drive from our two offices in Shenzhen Nanshan and Futian to Bao'an airport?", "从深圳南山和福田两个办公室开车到宝安机场分别要多久？", """{"origins":["Nanshan, Shenzhen","Futian, Shenzhen"],"destinations":["Shenzhen Bao'an International Airport"],"mode":"driving"}""", """{"rows":[{"duration_min":28},{"duration_min":41}]}"""));
    }
}
