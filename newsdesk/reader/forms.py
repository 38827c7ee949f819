from django import forms
from django.utils.translation import gettext_lazy as _


class SignInForm(forms.Form):
    """The e-mail address a sign-in link goes to."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)
