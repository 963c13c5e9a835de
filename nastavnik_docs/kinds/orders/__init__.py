"""Orders (приказы) of a mentoring programme, laid out by ГОСТ Р 7.0.97-2025.

Every order has the same frame (:mod:`._frame`, :class:`OrderContext`): requisites,
heading, preamble, «ПРИКАЗЫВАЮ:», numbered items, a control item, the signature, the
acquaintance list of the staff it names, and appendices. Each kind differs in its input and
in how it words its items; the wording, the grammatical cases and the numbering are all
computed here, the default duties and reward wording are in ``orders.yaml``.

* :mod:`.curator` — the curator;
* :mod:`.organisation` — the regulation and roadmap, the model, the working group;
* :mod:`.pairs` — the mentors, the pairs, a change of mentor or an early end;
* :mod:`.closing` — rewards and the final event.
"""

from ._frame import Appendix, OrderContext, OrderInput, Section, TableAppendix, Task, TextBlock, title_lines

__all__ = ["Appendix", "OrderContext", "OrderInput", "Section", "TableAppendix", "Task", "TextBlock", "title_lines"]
