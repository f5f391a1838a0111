using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>E-commerce: products, carts, orders.</summary>
internal static class CommerceTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("ecommerce", "search_products", "Search the product catalog.",
            """{"type":"object","properties":{"query":{"type":"string"},"category":{"type":"string","enum":["electronics","home","fashion","books","grocery","sports"]},"price":{"type":"object","properties":{"min":{"type":"number","minimum":0},"max":{"type":"number","minimum":0}},"additionalProperties":false},"sort":{"type":"string","enum":["relevance","price_asc","price_desc","rating"],"default":"relevance"},"in_stock_only":{"type":"boolean","default":true}},"required":["query"],"additionalProperties":false}""",
            Ex("Find noise-cancelling headphones under 300 dollars, best rated first.", "找 300 美元以内的降噪耳机，按评分排序。", """{"query":"noise cancelling headphones","category":"electronics","price":{"max":300},"sort":"rating"}""", """{"products":[{"sku":"SKU-88231","name":"Sony WH-1000XM5","price":279.0,"rating":4.7}]}"""),
            Ex("I need a yoga mat, cheapest first.", "我想买个瑜伽垫，按价格从低到高。", """{"query":"yoga mat","category":"sports","sort":"price_asc"}""", """{"products":[{"sku":"SKU-10077","name":"TPE yoga mat 6mm","price":19.9,"rating":4.4}]}"""));
        yield return Tool("ecommerce", "add_to_cart", "Add items to the shopping cart.",
            """{"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"sku":{"type":"string","pattern":"^SKU-\\d{5}$"},"quantity":{"type":"integer","minimum":1,"maximum":99,"default":1},"gift_wrap":{"type":"boolean"}},"required":["sku"],"additionalProperties":false},"minItems":1}},"required":["items"],"additionalProperties":false}""",
            Ex("Put two of SKU-10077 in my cart.", "把 SKU-10077 加两个到购物车。", """{"items":[{"sku":"SKU-10077","quantity":2}]}""", """{"cart_total":39.8,"items":1}"""));
        yield return Tool("ecommerce", "get_order_status", "Status and tracking of an order.",
            """{"type":"object","properties":{"order_id":{"type":"string","pattern":"^ORD-[0-9]{8}$"},"include_tracking":{"type":"boolean","default":true}},"required":["order_id"],"additionalProperties":false}""",
            Ex("Where is my order ORD-20250811?", "我的订单 ORD-20250811 到哪了？", """{"order_id":"ORD-20250811"}""", """{"status":"in_transit","carrier":"SF Express","eta":"2025-08-17"}"""));
        yield return Tool("ecommerce", "request_return", "Start a return or refund for an order item.",
            """{"type":"object","properties":{"order_id":{"type":"string","pattern":"^ORD-[0-9]{8}$"},"sku":{"type":"string"},"reason":{"type":"string","enum":["damaged","wrong_item","not_as_described","no_longer_needed","other"]},"resolution":{"type":"string","enum":["refund","replacement","store_credit"]},"comment":{"type":["string","null"],"maxLength":1000}},"required":["order_id","sku","reason","resolution"],"additionalProperties":false}""",
            Ex("The blender from order ORD-20250702 (SKU-55120) arrived broken, I want a replacement.", "订单 ORD-20250702 里的搅拌机（SKU-55120）收到就坏了，我要换货。", """{"order_id":"ORD-20250702","sku":"SKU-55120","reason":"damaged","resolution":"replacement"}""", """{"return_id":"RMA-3391","label_url":"https://shop.example.com/rma/3391.pdf"}"""));
        yield return Tool("ecommerce", "apply_coupon", "Apply a coupon code to the cart.",
            """{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z0-9]{4,16}$"}},"required":["code"],"additionalProperties":false}""",
            Ex("Apply coupon SUMMER25 to my cart.", "给购物车用上优惠码 SUMMER25。", """{"code":"SUMMER25"}""", """{"applied":true,"discount":9.95}"""));
    }
}
