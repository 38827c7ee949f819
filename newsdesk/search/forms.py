"""The reader's search form: query, section, dates and page, validated before searching."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import PAGE_MAX, QUERY_MAX_LENGTH


class SearchForm(forms.Form):
    """GET parameters of ``/search/``; unknown parameters are ignored."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=QUERY_MAX_LENGTH)
    section = forms.ChoiceField(label=_("Section"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=PAGE_MAX)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("", _("All sections")),
            *[(section.slug, section.title) for section in sections],
        ]
        # ISO dates are what <input type="date"> sends; they are shown back the same way.
        for name in ("date_from", "date_to"):
            self.fields[name].widget.format = "%Y-%m-%d"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return cleaned
