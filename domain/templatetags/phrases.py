from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def include_as(context, template_name, **values):
    """Render template_name as {% include %} would, for binding with `as` inside a translated sentence.

    `{% blocktranslate %}` takes variables only, not tags: `{% include_as "includes/crisis_line.html" as
    line %}` lets "call or text {{ line }}" stay one sentence for its translator, the link inside it.
    """
    included = context.template.engine.get_template(template_name)
    with context.push(**values):
        return included.render(context)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        context[self.name] = self.nodelist.render(context)  # a SafeString: escaped once, as it rendered
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}<time …>…</time>{% endcapture %}`: the markup a translated sentence holds,
    rendered into a variable, so its translator sees "Next review due %(due)s" and never the markup."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
