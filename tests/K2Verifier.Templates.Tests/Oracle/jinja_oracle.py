"""Reference renderer for the chat-template differential tests.

Renders every case with Jinja2 configured exactly as Hugging Face transformers configures it for
``apply_chat_template`` (transformers/utils/chat_template_utils.py): an ImmutableSandboxedEnvironment with
trim_blocks, lstrip_blocks and the loopcontrols extension, ``tojson`` replaced by json.dumps with
ensure_ascii=False, and the ``raise_exception`` and ``strftime_now`` globals. The render context is built as
``render(messages=..., tools=..., documents=None, add_generation_prompt=..., **special_tokens, **kwargs)``.

stdin: {"templates": {id: {"source": str} | {"config": path}}, "cases": [{"template", "messages", "tools",
        "add_generation_prompt", "kwargs"}]}
stdout: a JSON list, one {"ok": true, "text": str} or {"ok": false, "error": str} per case, in order.
"""
import json
import sys
from datetime import datetime

import jinja2
import jinja2.ext
from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

SPECIAL_TOKENS = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token",
                  "additional_special_tokens"]


def raise_exception(message):
    raise TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    return datetime.now().strftime(format)


def environment():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def token_content(token):
    if isinstance(token, dict):
        return token.get("content")
    if isinstance(token, list):
        return [token_content(t) for t in token]
    return token


def load(env, spec):
    """Returns (templates by name, special tokens) for a template source or a tokenizer_config.json path."""
    if "source" in spec:
        return {"default": spec["source"]}, {}
    with open(spec["config"], encoding="utf-8") as f:
        config = json.load(f)
    chat_template = config["chat_template"]
    if isinstance(chat_template, list):
        templates = {t["name"]: t["template"] for t in chat_template}
    else:
        templates = {"default": chat_template}
    tokens = {}
    for name in SPECIAL_TOKENS:
        value = token_content(config.get(name))
        if value:
            tokens[name] = value
    return templates, tokens


def main():
    request = json.load(sys.stdin)
    env = environment()
    loaded = {}
    for template_id, spec in request["templates"].items():
        try:
            sources, tokens = load(env, spec)
            compiled = {}
            for name, source in sources.items():
                try:
                    compiled[name] = env.from_string(source)
                except Exception as error:  # a syntax error: every render of it fails
                    compiled[name] = error
            loaded[template_id] = (compiled, tokens)
        except Exception as error:
            loaded[template_id] = error

    results = []
    for case in request["cases"]:
        try:
            entry = loaded[case["template"]]
            if isinstance(entry, Exception):
                raise entry
            compiled, tokens = entry
            tools = case.get("tools")
            if len(compiled) == 1:
                template = next(iter(compiled.values()))
            elif tools is not None and "tool_use" in compiled:
                template = compiled["tool_use"]
            else:
                template = compiled["default"]
            if isinstance(template, Exception):
                raise template
            kwargs = {**tokens, **(case.get("kwargs") or {})}
            text = template.render(messages=case["messages"], tools=tools, documents=None,
                                   add_generation_prompt=case.get("add_generation_prompt", False), **kwargs)
            results.append({"ok": True, "text": text})
        except Exception as error:
            results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
