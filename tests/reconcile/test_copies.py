"""Near-copies: a wire report carried by another outlet, whole or with its own additions."""

from __future__ import annotations

from crosstally.reconcile.copies import near_copies

WIRE = (
    "LARISSA, Sept 6 (Pindus Wire) - Floodwater from the swollen Pineios river swept through villages in "
    "central Greece on Wednesday, killing at least 15 people, the civil protection ministry said. Seven people "
    "were still missing in the Karditsa area and helicopters lifted more than 400 residents from rooftops "
    "overnight, a fire service spokesman said. The ministry said 3,200 people had been moved to shelters in "
    "Larissa and Volos and that power was cut to some 40,000 homes. Farmers said the plain had turned into a "
    "lake and that thousands of animals had drowned. The prime minister was due to visit the area on Thursday "
    "and promised compensation for households and farms."
)
LOCAL = (
    "In Palamas, the water is still at the windows\n\n"
    + WIRE.split(" Farmers said")[0].replace("a fire service spokesman said", "the fire service said")
    + "\n\nIn Palamas itself the town hall counted 90 families without a home on Thursday morning. The mayor, "
    "Giorgos Sakellariou, said the school gym was full and that the parish had opened its hall for the night. "
    "Volunteers from Trikala brought bread and water by tractor because no car could pass the bridge, and "
    "the local clinic treated a dozen people for cuts and infections. Shopkeepers on the main street said they "
    "had lost everything on the ground floor and feared the insurance would not cover the damage. Many "
    "residents spent the night in relatives' houses on higher ground, waiting for the river to fall."
)
OTHER = (
    "Greek floods: what we know\n\nAt least 15 people have died in the floods in Thessaly, according to the "
    "civil protection ministry, and seven are missing. The storm dropped more rain in a day than the region "
    "usually sees in a year, meteorologists said, and the Pineios burst its banks near Larissa. Rescuers used "
    "boats and helicopters to reach stranded villages."
)


def test_a_wire_report_carried_with_a_local_section_added_is_a_near_copy():
    """A local paper that prints most of the wire's report, lightly edited, and adds a
    long section of its own still repeats the wire, though only half its text is the
    wire's word for word; a report that only tells the same facts does not."""
    assert near_copies([("wire", WIRE), ("local", LOCAL), ("other", OTHER)]) == {"local": "wire"}
