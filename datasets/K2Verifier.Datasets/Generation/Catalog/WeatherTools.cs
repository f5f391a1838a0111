using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Weather, forecasts and air quality.</summary>
internal static class WeatherTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("weather", "get_current_weather", "Get the current weather for a location.",
            """{"type":"object","properties":{"location":{"type":"string","description":"City and country, e.g. 'Paris, FR'."},"unit":{"type":"string","enum":["celsius","fahrenheit"],"default":"celsius"}},"required":["location"],"additionalProperties":false}""",
            Ex("What's the weather like in Hangzhou right now?", "杭州现在天气怎么样？", """{"location":"Hangzhou, CN","unit":"celsius"}""", """{"location":"Hangzhou, CN","temperature":31,"condition":"thunderstorm","humidity":82}"""),
            Ex("Is it raining in Seattle at the moment? Use Fahrenheit.", "西雅图现在下雨吗？用华氏度。", """{"location":"Seattle, US","unit":"fahrenheit"}""", """{"location":"Seattle, US","temperature":58,"condition":"light rain","humidity":90}"""));
        yield return Tool("weather", "get_weather_forecast", "Daily forecast for up to 14 days.",
            """{"type":"object","properties":{"location":{"oneOf":[{"type":"string","minLength":2},{"$ref":"#/$defs/coordinates"}]},"days":{"type":"integer","minimum":1,"maximum":14,"default":3},"include":{"type":"array","items":{"type":"string","enum":["precipitation","wind","uv","sunrise"]},"uniqueItems":true}},"required":["location"],"$defs":{"coordinates":{"type":"object","properties":{"lat":{"type":"number","minimum":-90,"maximum":90},"lon":{"type":"number","minimum":-180,"maximum":180}},"required":["lat","lon"],"additionalProperties":false}}}""",
            Ex("Give me the 5-day forecast for Chengdu, including precipitation.", "给我成都未来五天的天气预报，包括降水。", """{"location":"Chengdu, CN","days":5,"include":["precipitation"]}""", """{"daily":[{"date":"2025-08-16","high":33,"low":25,"precipitation_mm":4.2}]}"""),
            Ex("What will the weather be at 46.55, 7.98 over the next 3 days? I'm hiking.", "坐标 46.55, 7.98 未来三天天气如何？我要去徒步。", """{"location":{"lat":46.55,"lon":7.98},"days":3,"include":["wind","uv"]}""", """{"daily":[{"date":"2025-08-16","high":18,"low":6,"wind_kmh":25,"uv":7}]}"""));
        yield return Tool("weather", "get_air_quality", "Current air quality index and pollutants for a city.",
            """{"type":"object","properties":{"city":{"type":"string"},"standard":{"type":"string","enum":["us_epa","china_mep","eu_caqi"],"default":"us_epa"}},"required":["city"]}""",
            Ex("How's the air quality in Beijing today?", "北京今天空气质量怎么样？", """{"city":"Beijing","standard":"china_mep"}""", """{"city":"Beijing","aqi":87,"primary_pollutant":"PM2.5","level":"moderate"}"""));
        yield return Tool("weather", "get_weather_alerts", "Active severe-weather alerts for a region.",
            """{"type":"object","properties":{"region":{"type":"string"},"severity":{"type":"array","items":{"type":"string","enum":["minor","moderate","severe","extreme"]}}},"required":["region"],"additionalProperties":false}""",
            Ex("Are there any typhoon warnings for Guangdong?", "广东现在有台风预警吗？", """{"region":"Guangdong, CN","severity":["severe","extreme"]}""", """{"alerts":[{"event":"Typhoon orange warning","severity":"severe","expires":"2025-08-16T18:00:00+08:00"}]}"""));
        yield return Tool("weather", "get_historical_weather", "Observed weather for a past date.",
            """{"type":"object","properties":{"location":{"type":"string"},"date":{"type":"string","format":"date","pattern":"^\\d{4}-\\d{2}-\\d{2}$"},"metrics":{"type":"array","items":{"type":"string","enum":["temperature","precipitation","wind"]},"minItems":1}},"required":["location","date"]}""",
            Ex("How hot was it in Shanghai on 2024-07-20?", "2024-07-20 上海有多热？", """{"location":"Shanghai, CN","date":"2024-07-20","metrics":["temperature"]}""", """{"date":"2024-07-20","high":38.1,"low":29.4}"""));
    }
}
