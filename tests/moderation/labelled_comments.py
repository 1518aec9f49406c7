"""Labelled comments written for these tests (original sentences, no dataset copied).

ABUSIVE and CIVIL are plain reader comments. ``attacks()`` is the newsroom's own
problem: hostile comments without a swear word, which the shipped models score low,
beside civil comments whose words (crime, war, anger) the shipped models score high;
the newsroom's own model has to learn it.
"""

ABUSIVE = [
    "You are a pathetic idiot and everyone here is sick of your stupid lies.",
    "Shut up, you brainless moron, nobody asked for your garbage opinion.",
    "What a disgusting pig of a man, he should be ashamed to show his face.",
    "Only a complete imbecile would believe this crap.",
    "Go to hell, you lying scumbag.",
    "You are too dumb to tie your own shoes, so stop pretending to understand trade.",
    "This reporter is a worthless hack and a liar.",
    "Get lost, loser, your comments are pure trash.",
    "Anyone who votes for him is a braindead fool.",
    "You stupid clown, read the article before you spew this nonsense.",
    "Your mother should have taught you some manners, you filthy troll.",
    "He is a corrupt little rat and he deserves to rot in prison.",
    "Idiots like you are why this country is going down the drain.",
    "Shove your fake statistics, you ignorant buffoon.",
    "What an ugly, hateful creature you are.",
    "Nobody wants to hear from a pathetic keyboard warrior like you.",
]

CIVIL = [
    "I disagree with the minister: the plan looks costly and the timetable unrealistic.",
    "Thanks for explaining the tariff changes so clearly.",
    "The photo caption names the wrong official on the left, I think.",
    "Our town tried a similar bus scheme and it worked well for older residents.",
    "Could the paper publish the full text of the agreement?",
    "I am not convinced the new port will bring the jobs that were promised.",
    "Interesting piece, though it leaves out what the farmers' union said.",
    "The figures in the third paragraph do not add up to the total.",
    "I lived in Sapporo for ten years and the winters are as hard as described.",
    "Good to see both sides quoted at length.",
    "The debate on pensions deserves more than one article a year.",
    "My daughter's school already teaches this, so the reform seems late.",
    "Let us wait for the final numbers before drawing conclusions.",
    "The talks sound hopeful, but we have heard that before.",
    "A fair summary of a complicated negotiation.",
    "I would like to know how much the new stadium will cost taxpayers.",
]

_ATTACK_OPENERS = [
    "Everyone can see you are paid by the embassy to write this",
    "People like you should not be allowed anywhere near a ballot box",
    "Crawl back under whatever rock you came from",
    "Your parents must be so ashamed of what you turned into",
    "Do the whole country a favour and never post again",
    "You have the reasoning skills of a wet sock",
    "Nobody in their right mind would listen to a parasite like you",
    "I hope you lose everything you own",
]
# Civil, though their words alarm a model trained on insults: news is about crime and war.
_CIVIL_OPENERS = [
    "Critics called it a stupid idea, but the numbers favour",
    "The murder trial pushed aside the news about",
    "Damn, nobody expected this twist in",
    "Opponents say small shops will be killed off by",
    "Hell of a week for everyone following",
    "The bombing of the old bridge still shapes",
    "Farmers are furious and say they were lied to about",
    "The dumbest part of the scandal was the secrecy around",
]
_ADDRESSEES = ["Kenji", "friend", "Mr Hoshino", "sir", "neighbour"]
_TOPICS = [
    "the port expansion", "the rice harvest", "the pension reform", "the rail fares",
    "the summit in Osaka",
]  # fmt: skip


def attacks() -> list[tuple[str, int]]:
    """80 labelled rows: 40 hostile without swearing, 40 civil on the same stories."""
    rows = []
    for i, opener in enumerate(_ATTACK_OPENERS):
        for addressee in _ADDRESSEES:
            rows.append((f"{opener}, {addressee}.", 1))
        for topic in _TOPICS:
            rows.append((f"{_CIVIL_OPENERS[i]} {topic}.", 0))
    return rows


def general() -> list[tuple[str, int]]:
    return [(text, 1) for text in ABUSIVE] + [(text, 0) for text in CIVIL]


def write_csv(path, rows, *, header="text,label", extra=None) -> None:
    """A labelled CSV file; ``extra`` adds columns (a callable of the row number)."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header.split(","))
        for n, (text, label) in enumerate(rows):
            values = {"text": text, "label": "abusive" if label else "civil"}
            if extra:
                values |= extra(n)
            writer.writerow([values[column] for column in header.split(",")])
