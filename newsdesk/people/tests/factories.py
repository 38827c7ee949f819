"""Factories for people: accounts and authors."""

import factory
from django.contrib.auth import get_user_model

from newsdesk.people.models import Author


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@newsdesk.test")
    password = factory.django.Password("correct horse battery staple")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Автор Номер {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    role = "Корреспондент"
    bio = "Пишет о жизни города и его жителях."
    status = Author.Status.STAFF
