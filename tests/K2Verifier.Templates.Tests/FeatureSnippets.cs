namespace K2Verifier.Templates.Tests;

/// <summary>
/// Small templates exercising one Jinja feature each, rendered with the variables in <see cref="Variables"/> by both
/// engines. Cases that make Jinja2 raise are included on purpose: ours must fail too.
/// </summary>
internal static class FeatureSnippets
{
    public const string Variables = """
        {"s": "Hello World", "n": 7, "f": 2.5, "neg": -3, "t": true, "z": null, "e": "", "l": [3, 1, 2], "el": [],
         "d": {"b": 2, "a": 1, "items": "key-named-items"}, "u": "中文 text", "users": [{"name": "bob", "age": 30, "tags": ["x"]},
         {"name": "Alice", "age": 25, "tags": []}, {"name": "carol", "age": 35}], "nested": {"a": {"b": [10, 20]}}, "big": 12345678901,
         "tiny": 1e-7, "huge": 1e16, "ws": "  pad \n", "csv": "a,b,,c", "multi": "l1\nl2\n\nl4"}
        """;

    public static readonly string[] Templates =
    [
        // output and literals
        "{{ s }}|{{ n }}|{{ f }}|{{ t }}|{{ z }}|{{ e }}|{{ l }}|{{ d }}|{{ undefined_name }}|{{ tiny }}|{{ huge }}|{{ big }}",
        "{{ 'a\\'b' }}{{ \"q\\\"\" }}{{ '\\u4e2d\\x41\\n' }}{{ 'x' 'y' }}|{{ 1_000 }}|{{ 1.5e3 }}|{{ 0.1 + 0.2 }}|{{ 10 / 4 }}|{{ 10 / 5 }}",
        // a long string inside a list or dict prints whole (repr never cuts; a chat template printing a parts list relies on it)
        "{{ ['ab' * 300] }}|{{ {'k': 'y' * 450} }}|{{ [s * 50] | string | length }}",
        "{{ [1, 'a', none, true, 1.0, {'k': \"v's\"}] }}|{{ (1,) }}|{{ (1, 2) }}|{{ () }}|{{ {'a': [1, (2, 3)]} }}|{{ True }}{{ False }}{{ None }}",
        "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 7.5 % 2 }} {{ 2 ** 10 }} {{ 2 ** -1 }} {{ -n }} {{ +f }} {{ 3 * 'ab' }} {{ [1] * 3 }}",
        "{{ 1 / 0 }}", "{{ 'a' + 1 }}", "{{ n + undefined_name }}", "{{ undefined_name.attr }}", "{{ undefined_name['k'] }}", "{{ undefined_name() }}",
        "{{ 'a' ~ 1 ~ none ~ undefined_name ~ [1] ~ 2.0 }}", "{{ n > 5 and n < 10 }} {{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 'a' < 'b' }} {{ [1, 2] < [1, 3] }}",
        "{{ 'a' < 1 }}", "{{ not e }} {{ e or 'default' }} {{ s and n }} {{ z or e or 0 }}", "{{ 1 if t else 2 }}{{ 'x' if z }}|{{ 'y' if e else 'n' if z else 'last' }}",
        // membership and tests
        "{{ 'ell' in s }} {{ 1 in l }} {{ 'a' in d }} {{ 'zz' not in d }} {{ 'a' in undefined_name }} {{ none in [none] }}",
        "{{ 1 in 'abc' }}",
        "{{ n is odd }} {{ n is even }} {{ n is divisibleby 7 }} {{ n is divisibleby(2) }} {{ s is string }} {{ l is sequence }} {{ d is mapping }} {{ l is mapping }}",
        "{{ z is none }} {{ z is not none }} {{ n is number }} {{ f is float }} {{ n is integer }} {{ t is integer }} {{ t is boolean }} {{ t is true }} {{ 1 is true }} {{ z is false }}",
        "{{ undefined_name is defined }} {{ undefined_name is undefined }} {{ s is defined }} {{ d.nothing is defined }} {{ l is iterable }} {{ n is iterable }} {{ s is iterable }}",
        "{{ n is eq 7 }} {{ n is equalto 7 }} {{ n is ne 8 }} {{ n is gt 3 }} {{ n is lt 3 }} {{ n is ge 7 }} {{ n is le 6 }} {{ 'a' is in 'abc' }} {{ z is sameas none }} {{ s is lower }} {{ 'abc' is lower }}",
        "{{ n is nosuchtest }}", "{{ s is string and n is number }}",
        // attribute and item access
        "{{ d.a }} {{ d['b'] }} {{ d.items is callable }} {{ d['items'] }} {{ d.missing }}|{{ nested.a.b[1] }} {{ nested.a.b.0 }} {{ l[-1] }} {{ l[5] }} {{ users[0].name }}",
        "{{ s.missing }}|{{ l.missing }}|{{ z.missing }}|{{ n.real }}", "{{ d.missing.deeper }}", "{{ d.__class__ }}{{ s.__len__ }}", "{{ l.append(4) }}", "{{ d.update({}) }}",
        "{{ l[::-1] }} {{ l[1:] }} {{ l[:-1] }} {{ s[::2] }} {{ s[-5:] }} {{ u[0] }} {{ u[1:3] }} {{ s[100:] }} {{ l[::-2] }} {{ s[3] }}",
        "{{ l['a':] }}", "{{ l[::0] }}",
        // string methods
        "{{ s.startswith('Hell') }} {{ s.endswith(('x', 'ld')) }} {{ s.lower() }} {{ s.upper() }} {{ 'hello wORLD it\\'s'.title() }} {{ 'hELLO'.capitalize() }}",
        "{{ csv.split(',') }} {{ 'a b  c '.split() }} {{ csv.split(',', 1) }} {{ csv.rsplit(',', 1) }} {{ '  x y '.rsplit(None, 1) }} {{ ws.strip() }}|{{ ws.lstrip() }}|{{ ws.rstrip() }}|{{ 'xxhixx'.strip('x') }}",
        "{{ s.replace('l', 'L') }} {{ s.replace('l', 'L', 1) }} {{ 'ab'.replace('', '-') }} {{ s.find('o') }} {{ s.rfind('o') }} {{ s.find('zz') }} {{ s.count('l') }} {{ '-'.join(['a', 'b']) }}",
        "{{ '{} and {}'.format(1, 'b') }} {{ '{0}{0}{name}'.format('x', name='y') }} {{ 'x'.center(7) }}|{{ '42'.zfill(5) }} {{ 'a=b'.partition('=') }} {{ multi.splitlines() }}",
        "{{ '%s is %d years, %.2f' % ('bob', 30, 1.5) }} {{ '%5s|%-5s|%05d' % ('a', 'b', 42) }} {{ '%s' % [1] }} {{ '100%%' % () }}", "{{ '%d' % 'x' }}",
        "{{ s.nosuchmethod() }}", "{{ '-'.join([1, 2]) }}",
        // dict methods
        "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %} {{ d.keys() | list }} {{ d.values() | list }} {{ d.get('a') }} {{ d.get('x') }} {{ d.get('x', 'dflt') }}",
        // filters
        "{{ l | length }} {{ s | length }} {{ d | count }} {{ undefined_name | length }} {{ u | length }} {{ l | first }} {{ l | last }} {{ el | first }}|{{ s | first }} {{ l | sum }} {{ l | min }} {{ l | max }}",
        "{{ l | join(', ') }} {{ users | join(',', attribute='name') }} {{ l | sort }} {{ l | sort(reverse=true) }} {{ users | sort(attribute='age') | map(attribute='name') | list }} {{ ['b', 'A', 'c'] | sort }} {{ ['b', 'A', 'c'] | sort(case_sensitive=true) }}",
        "{{ users | map(attribute='name') | join('/') }} {{ users | map(attribute='missing', default='?') | list }} {{ ['a', 'B'] | map('upper') | list }} {{ users | selectattr('age', 'gt', 26) | map(attribute='name') | list }} {{ users | rejectattr('tags') | list | length }}",
        "{{ [0, 1, '', 'x', none] | select | list }} {{ [1, 2, 3, 4] | select('odd') | list }} {{ [1, 2, 3, 4] | reject('even') | list }} {{ users | selectattr('tags', 'defined') | list | length }} {{ users | selectattr('name', 'equalto', 'bob') | list | length }}",
        "{{ undefined_name | default('dv') }} {{ e | default('dv') }} {{ e | default('dv', true) }} {{ z | d('dn', boolean=true) }} {{ z | default('x') }}",
        "{{ ws | trim }}|{{ 'xaxx' | trim('x') }} {{ s | lower }} {{ s | upper }} {{ 'hello wORLD-foo(bar' | title }} {{ 'hELLO' | capitalize }} {{ s | replace('o', '0') }} {{ s | wordcount }} {{ '<a href=\"x\">&\\'</a>' | e }}",
        "{{ d | items | list }} {{ d | dictsort }} {{ d | dictsort(by='value', reverse=true) }} {{ [3, 1, 3, 2, 1] | unique | list }} {{ ['a', 'A', 'b'] | unique | list }} {{ l | reverse | list }} {{ s | reverse }} {{ s | list }}",
        "{{ '42' | int }} {{ '4.7' | int }} {{ 'x' | int }} {{ 'x' | int(-1) }} {{ 3.9 | int }} {{ '0x1A' | int(base=16) }} {{ '2.5' | float }} {{ 'x' | float }} {{ n | float }} {{ neg | abs }} {{ -2.5 | abs }} {{ 2.567 | round(2) }} {{ 2.5 | round }} {{ 3.14159 | round(1, 'floor') }} {{ 7 | round }}",
        "{{ n | string }} {{ l | string }} {{ z | string }} {{ undefined_name | string }}|{{ multi | indent }}|{{ multi | indent(2, true) }}|{{ multi | indent(first=true, blank=true) }}|{{ '%s-%s' | format('a', 'b') }} {{ s | safe }} {{ 'x' | center(5) }}",
        "{{ d | tojson }} {{ users | tojson }} {{ u | tojson }} {{ {'b': 1, 'a': [1.0, none, true]} | tojson(indent=2) }} {{ {'b': 1, 'a': 2} | tojson(sort_keys=true) }} {{ u | tojson(ensure_ascii=true) }} {{ l | tojson(separators=(',', ':')) }} {{ 'a\\nb\"' | tojson }}",
        "{{ {'z': {}, 'y': []} | tojson(indent=0) }} {{ tiny | tojson }} {{ huge | tojson }} {{ f | tojson }} {{ (1, 2) | tojson }}", "{{ undefined_name | tojson }}",
        "{{ s | nosuchfilter }}", "{{ n | items | list }}", "{{ 5 | length }}", "{{ l | map | list }}",
        // statements
        "{% for x in l %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.first }}/{{ loop.last }}/{{ loop.length }}/{{ loop.previtem }}/{{ loop.nextitem }}/{{ loop.cycle('a', 'b') }};{% endfor %}",
        "{% for x in el %}never{% else %}empty{% endfor %}|{% for x in l if x > 1 %}{{ x }}{{ loop.index }}{{ loop.length }}{% else %}none{% endfor %}|{% for x in undefined_name %}x{% else %}u{% endfor %}",
        "{% for a, b in [(1, 2), (3, 4)] %}{{ a + b }}{% endfor %}|{% for k in d %}{{ k }}{% endfor %}|{% for c in 'ab' %}{{ c }}{% endfor %}|{% for x in l | sort %}{{ x }}{% endfor %}",
        "{% for x in n %}{% endfor %}", "{% for a, b in [(1, 2, 3)] %}{% endfor %}",
        "{% for x in range(10) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}|{{ range(3) | list }} {{ range(1, 10, 3) | list }} {{ range(5, 0, -2) | list }}",
        "{% set x = 1 %}{% for i in l %}{% set x = i %}{{ x }}{% endfor %}|{{ x }}|{% if true %}{% set y = 2 %}{% endif %}{{ y }}",
        "{% set ns = namespace(count=0, items=[]) %}{% for i in l %}{% set ns.count = ns.count + i %}{% endfor %}{{ ns.count }} {{ ns.items }} {{ ns.missing }}",
        "{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set t2 = 1, 2 %}{{ t2 }}{% set block %}  inner {{ n }}  {% endset %}[{{ block }}]{% set up | upper %}shout{% endset %}{{ up }}",
        "{% set x = 5 %}{% set x.y = 1 %}",
        "{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}{{ greet('Bob') }} {{ greet('Al', greeting='Hi') }} {{ greet() }} {{ greet('a', 'b', 'c') }}",
        "{% macro outer() %}[{{ caller() }}]{% endmacro %}{% call outer() %}inside {{ n }}{% endcall %}|{% macro m2() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m2(1, 2, k=3) }}",
        "{% macro rec(k) %}{{ k }}{% if k > 0 %}{{ rec(k - 1) }}{% endif %}{% endmacro %}{{ rec(3) }}",
        "{% filter upper %}shout {{ s }}{% endfilter %}|{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{{ a }}",
        "{% raw %}{{ not rendered }}{% endraw %}|{# a comment #}|{{ dict(a=1, b=2) }} {{ namespace(x=1).x }}",
        "{{ raise_exception('custom failure') }}", "{% if n > 5 %}{{ raise_exception('too big: ' ~ n) }}{% endif %}",
        // whitespace control
        "a  {%- if true %}  b  {% endif -%}  c\n  {{- ' d ' -}}  \n e {#- comment -#} f",
        "line1\n    {% if true %}\n    indented\n    {% endif %}\nline2\n  {%+ if true %}kept{% endif %}\n{% for x in l %}\n{{ x }}\n{% endfor %}\nend\n",
        "{{ n }}\n{# c #}\n  {{ n }}  \n  {# c2 #}  \nx\n\n",
        // syntax errors
        "{% if %}", "{% for x in %}{% endfor %}", "{% if true %}unclosed", "{{ 1 + }}", "{% endfor %}", "{% unknowntag %}", "{{ 'unterminated }}", "{% break %}", "{{ (1, 2 }}", "{% extends 'x' %}",
    ];
}
