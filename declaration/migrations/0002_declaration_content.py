"""The declaration's text, so that every installation starts with it.

This is the site's content, not demo data. Content editors change it in admin
afterwards; this migration only runs once.
"""

from django.db import migrations

from localdigital.core.markdown import render_markdown

TITLE = "The Local Digital Declaration"

INTRODUCTION = """\
We want public services in every place to be designed around the people who use them,
to work well, to cost less and to be safe with the information people trust us with.

No council can do this alone. Too many of us pay separately for the same systems, solve
the same problems again and again, and are held back by technology that is hard to change.
By working together and in the open, we can build once and share what works.

This declaration is our joint ambition. It was first published in July 2018 by councils,
sector bodies, the Ministry of Housing, Communities and Local Government and the
Government Digital Service, and it is open to every organisation that shares it.
"""

AIMS = """\
Together, we will work towards:

- public services that meet the needs of the people who use them
- a market for local government technology that offers flexible tools and services
- protecting people's privacy and keeping their information secure
- services that give better value for public money
"""

CLOSING = """\
By signing this declaration, an organisation commits to working to these principles and to
a declaration project: a specific piece of work, agreed with its partners, that it will
deliver within a year and that shows the principles in practice.

We will also keep improving how we protect our services and data from cyber attack, and
share what we learn about doing it well.
"""

PRINCIPLES = [
    {
        "number": 1,
        "slug": "design-services-around-the-needs-of-people",
        "title": "Design services around the needs of people",
        "summary": (
            "Services work best when they start from what people need to get done, "
            "not from how an organisation or its systems happen to be arranged."
        ),
        "commitments": """\
- put the needs of users ahead of the boundaries between our departments, organisations and systems
- research with the people who use our services, and keep testing with them as we build
- design services that work for everyone, including people who need help to use them
""",
    },
    {
        "number": 2,
        "slug": "fix-the-plumbing",
        "title": "'Fix the plumbing' of technology infrastructure, systems and data",
        "summary": (
            "Old, closed systems lock councils in and make every change slow and expensive. "
            "Services should be built from parts that can be replaced one at a time."
        ),
        "commitments": """\
- end our dependence on inflexible and expensive technology
- insist on modular building blocks that work together, and on open data standards
- buy and build components that others can reuse, and reuse what others have built
""",
    },
    {
        "number": 3,
        "slug": "use-and-share-information-safely",
        "title": "Use and share information safely",
        "summary": (
            "People need to trust us with their information. Sharing it safely, and only "
            "when it should be shared, lets us protect people who are vulnerable."
        ),
        "commitments": """\
- share information safely between services, so that people do not have to tell us the same thing twice
- be open about how we use people's information, to build their trust
- use information to spot and support people who are vulnerable
""",
    },
    {
        "number": 4,
        "slug": "demonstrate-digital-leadership",
        "title": "Demonstrate digital leadership",
        "summary": (
            "Changing how services are run is a job for leaders, not only for technology teams."
        ),
        "commitments": """\
- create the conditions in which our organisations can change how they work
- give our teams the skills, time and support to work in new ways
- challenge our partners and suppliers to change with us
""",
    },
    {
        "number": 5,
        "slug": "embed-an-open-culture",
        "title": "Embed an open culture that promotes digital ways of working",
        "summary": (
            "Working in the open means others can learn from our successes and our mistakes, "
            "and nobody has to start from nothing."
        ),
        "commitments": """\
- work in the open and publish our plans
- collaborate with other organisations on shared problems
- reuse what others have already made before building something new
""",
    },
]


def add_content(apps, schema_editor):
    Declaration = apps.get_model("declaration", "Declaration")
    Principle = apps.get_model("declaration", "Principle")
    # Historical models have no custom save(), so the HTML is rendered here.
    Declaration.objects.update_or_create(
        id=1,
        defaults={
            "title": TITLE,
            "introduction": INTRODUCTION,
            "aims": AIMS,
            "closing": CLOSING,
            "introduction_html": render_markdown(INTRODUCTION),
            "aims_html": render_markdown(AIMS),
            "closing_html": render_markdown(CLOSING),
        },
    )
    for principle in PRINCIPLES:
        Principle.objects.update_or_create(
            number=principle["number"],
            defaults={
                **principle,
                "summary_html": render_markdown(principle["summary"]),
                "commitments_html": render_markdown(principle["commitments"]),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("declaration", "0001_initial")]

    operations = [migrations.RunPython(add_content, migrations.RunPython.noop)]
