"""Write docs/screenshot.svg: the app's own SVG screenshot of the built-in guide at 100x30.

Run: .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui.app import GuideApp
from tui.guide import default_guide_path, load_guide

OUT = Path(__file__).resolve().parent / "screenshot.svg"


async def main() -> None:
    app = GuideApp(load_guide(default_guide_path()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause(0.5)
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))


if __name__ == "__main__":
    asyncio.run(main())
