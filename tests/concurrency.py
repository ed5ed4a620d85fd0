"""Races for the tests that two things happening at once leave the database
right: each action in a thread of its own, with its own connection."""

import threading

from django.db import connection


def at_the_same_moment(*actions):
    """Run each action in its own thread, with its own database connection,
    released together by a barrier; return what each returned or raised."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = action()
        except Exception as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, action)) for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes
