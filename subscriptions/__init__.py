"""Following by email: who follows which topics, and the emails they are sent.

A building block that knows no app. A topic is a key string the owning app
makes up (`project:BR6-0003`, `council:leeds`, `service-area:housing`); the
owner also words its label and draws its follow form. This app keeps the
address and its choices, confirms them (double opt-in), sends what is
announced to a topic (each time, or in a weekly digest) through the outbox
with a one-click unsubscribe (RFC 8058), and forgets the address when it
unsubscribes.
"""
