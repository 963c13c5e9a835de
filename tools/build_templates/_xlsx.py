"""The look of the XLSX documents (registries, the coverage table), in openpyxl.

Times New Roman 11 pt in thin black boxes, bold headers, a 13 pt title; printed on A4 and
fitted to the page width (as many pages down as the rows need).
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, Side

__all__ = ["BOX", "FONT", "BOLD", "TITLE", "CENTER", "CENTER_TOP", "WRAP", "print_on_a4"]

_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FONT = Font(name="Times New Roman", size=11)
BOLD = Font(name="Times New Roman", size=11, bold=True)
TITLE = Font(name="Times New Roman", size=13, bold=True)
#: Headers and figures: centred both ways, wrapped.
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
#: Text: at the top left, wrapped.
WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)


def print_on_a4(ws, orientation: str) -> None:
    """Print the sheet on A4 in ``orientation`` ("portrait" / "landscape"), one page wide."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
