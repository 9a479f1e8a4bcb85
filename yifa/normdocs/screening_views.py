"""筛查页：贴入文本或选一件文件，看每条提示的条款、理由和把握；法制机构逐条标记“提示正确”或“误报”，
标记成为该规则的例句。另一页按规则列出目录中的例句、法制机构的标记，以及规则现在是否仍与它们一致。"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from yifa.core.errors import YifaError
from yifa.core.procedure import LEGAL_OFFICE, show_service_errors
from yifa.core.queries import page_of
from yifa.core.views import staff_view

from .access import access_document
from .screen_defaults import RULES
from .screener import citation_of, screen_text
from .screening_marks import NOTE_MAX, mark_finding, marked_examples
from .screening_models import ScreeningMark, Verdict
from .screening_review import rule_report

TEXT_MAX = 200_000


class CheckForm(forms.Form):
    text = forms.CharField(label="文本", widget=forms.Textarea(attrs={"rows": 8}), max_length=TEXT_MAX)


class MarkForm(forms.Form):
    rule = forms.CharField(widget=forms.HiddenInput, max_length=40)
    sentence = forms.CharField(widget=forms.HiddenInput, max_length=5000)
    document = forms.IntegerField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    verdict = forms.ChoiceField(label="判断", choices=Verdict.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="说明（误报须写理由）", required=False, max_length=NOTE_MAX)


def _marks_by_finding(findings) -> dict:
    from .screening_models import sentence_key

    keys = {sentence_key(f.sentence) for f in findings}
    return {(m.rule, m.sentence_key): m for m in ScreeningMark.objects.filter(sentence_key__in=keys)}


@staff_view
@require_http_methods(["GET", "POST"])
def screening_check(request):
    """Screen pasted text (POST) or a document (?doc=); the legal office marks each finding."""
    from .screening_models import sentence_key

    doc = access_document(request.user, request.GET["doc"]) if request.GET.get("doc") else None
    form = CheckForm(request.POST or None)
    text = (
        doc.full_text if doc else (form.cleaned_data["text"] if request.method == "POST" and form.is_valid() else None)
    )
    findings = screen_text(text) if text is not None else None
    rows = []
    if findings:
        marks = _marks_by_finding(findings)
        for f in findings:
            mark = marks.get((f.rule, sentence_key(f.sentence)))
            rows.append(
                {
                    "finding": f,
                    "mark": mark,
                    "form": MarkForm(
                        initial={
                            "rule": f.rule,
                            "sentence": f.sentence,
                            "document": doc.pk if doc else None,
                            "version": mark.version if mark else None,
                            "verdict": mark.verdict if mark else None,
                            "note": mark.note if mark else "",
                        },
                        prefix=f"m{len(rows)}",
                    ),
                }
            )
    return render(
        request,
        "normdocs/screening_check.html",
        {"form": form, "doc": doc, "rows": rows, "screened": findings is not None, "legal": LEGAL_OFFICE(request.user)},
    )


@staff_view
@require_POST
def screening_mark(request):
    """One finding marked right or a false alarm (法制机构 only); the mark becomes an example of its rule."""
    prefix = request.POST.get("prefix", "")
    form = MarkForm(request.POST, prefix=prefix or None)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "normdocs:screening_check"
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    data = form.cleaned_data
    document = access_document(request.user, data["document"]) if data.get("document") else None
    try:
        mark = mark_finding(
            by=request.user,
            rule=data["rule"],
            sentence=data["sentence"],
            verdict=data["verdict"],
            note=data["note"],
            document=document,
            expected_version=data.get("version"),
        )
    except YifaError as exc:
        show_service_errors(form, exc)
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    messages.success(request, f"已标记：{mark.rule}“{mark.get_verdict_display()}”，已成为该规则的例句")
    return redirect(back)


@staff_view
def screening_examples(request):
    """Each rule with its citation, its examples (the catalogue's and the office's marks) and whether it
    still agrees with every one; the office's marks as a paged list."""
    marked = marked_examples()
    reports = [rule_report(rule, marked.get(rule.code, {})) for rule in RULES]
    marks = ScreeningMark.objects.select_related("marked_by").order_by("-marked_at", "-id")
    return render(
        request,
        "normdocs/screening_examples.html",
        {
            "reports": reports,
            "citation_of": citation_of,
            "page": page_of(marks, request.GET.get("page")),
            "failing": sum(not r["agrees"] for r in reports),
        },
    )
