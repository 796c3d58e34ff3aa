#!/usr/bin/env python3
"""The kiosk's welcome screen and its longest page as HTML, for scripts/bench-compare.sh to show
in Chromium: what a clinic could build instead with web technology. The words come from the
bundle's own English locale file; the look (colours, sizes, Noto Sans, a 1080x1920 portrait
screen, drag to scroll) follows the kiosk's screens.

    kiosk_pages_as_html.py BUNDLE_DIR OUT_DIR   writes OUT_DIR/welcome.html and OUT_DIR/page.html
"""
import html
import pathlib
import sys
import tomllib

STYLE = """
  * { cursor: none; }
  html, body { margin: 0; height: 100%; background: #f6f7f2; color: #141414; font-family: 'Noto Sans', sans-serif; }
  body { display: flex; flex-direction: column; box-sizing: border-box; padding: 22px 44px; font-size: FONTpx; }
  .bar { display: flex; gap: 22px; justify-content: flex-end; }
  button { font: inherit; font-size: 26px; color: #0d1b3e; background: #e0e4ef; border: 1.5px solid #141414;
           border-radius: 12px; height: 105px; }
  .bar button { width: 316px; }
  h1 { font-weight: normal; font-size: 36px; margin: 50px 0 0; }
  h2 { font-weight: normal; font-size: 34px; margin: 22px 0; }
  .muted { color: #555; }
  .languages { display: grid; grid-template-columns: 1fr 1fr; gap: 14px 22px; margin-top: 18px; }
  .languages button { background: #e8eae4; text-align: left; padding-left: 18px; }
  .languages button.chosen { background: #136e3e; color: white; border-width: 3px; }
  .start { width: 100%; background: #1f5fae; color: white; margin-top: 70px; }
  .footer { margin-top: auto; text-align: right; font-size: 18px; color: #555; }
  .scroll { flex: 1; overflow-y: scroll; scrollbar-width: none; touch-action: none; }
  .scroll::-webkit-scrollbar { display: none; }
  .scroll li { margin: 18px 0; list-style: none; }
  .nav { display: flex; gap: 22px; margin-top: 14px; }
  .nav button { flex: 1; }
  .nav .next { background: #1f5fae; color: white; }
"""

# A finger drags the page, as the kiosk's own scrolling area does (Chromium scrolls a mouse drag
# only with touch emulation; a kiosk page would carry this script).
DRAG = """
<script>
  const area = document.querySelector('.scroll');
  let last = null;
  area.addEventListener('pointerdown', e => { last = e.clientY; area.setPointerCapture(e.pointerId); });
  area.addEventListener('pointermove', e => { if (last !== null) { area.scrollTop -= e.clientY - last; last = e.clientY; } });
  area.addEventListener('pointerup', () => { last = null; });
</script>
"""


def page(title, font_px, body):
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE.replace('FONT', str(font_px))}</style></head>\n<body>\n{body}\n</body></html>\n")


def main():
    bundle, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    en = tomllib.loads((bundle / "locales" / "en.toml").read_text(encoding="utf-8"))
    # The kiosk names each language in itself through ICU; the page has these four written out.
    native = {"en": "English", "ar": "العربية", "es": "Español", "zh-Hans": "简体中文"}
    names = {path.stem: native.get(path.stem, path.stem) for path in sorted((bundle / "locales").glob("*.toml"))}
    ui, e = en["ui"], html.escape
    bar = (f"<div class=\"bar\"><button>{e(ui['button']['larger_text'])}</button>"
           f"<button>{e(ui['button']['high_contrast'])}</button></div>")
    languages = "".join(f"<button class=\"{'chosen' if tag == 'en' else ''}\">{e(name)}</button>" for tag, name in names.items())
    welcome = (f"{bar}<h1>{e(ui['app']['title'])}</h1><h2>{e(ui['welcome']['title'])}</h2><div>{e(ui['welcome']['body'])}</div>"
               f"<div class=\"muted\" style=\"margin-top:40px\">{e(ui['welcome']['choose_language'])}</div>"
               f"<div class=\"languages\">{languages}</div><button class=\"start\">{e(ui['welcome']['start'])}</button>"
               f"<div class=\"footer\">{e(ui['welcome']['draft_notice'])}</div>")
    (out / "welcome.html").write_text(page(ui["app"]["title"], 26, welcome), encoding="utf-8")

    who = en["page"]["who_should_not"]
    items = lambda keys: "".join(f"<li>• {e(who[k].replace('{age, number}', '18'))}</li>" for k in keys)
    stop = ["heart_block", "kidney_severe", "myasthenia", "prior_reaction", "pregnant", "under_18", "kidney_and_medicines"]
    talk = ["other_heart", "kidney_mild", "other_neuromuscular", "medicines", "breastfeeding", "low_blood_pressure", "allergies",
            "other_magnesium", "unwell_today"]
    longest = (f"<div class=\"bar\" style=\"justify-content:space-between\"><button>{e(ui['nav']['back'])}</button>"
               f"<button>{e(ui['button']['larger_text'])}</button><button>{e(ui['button']['high_contrast'])}</button></div>"
               f"<div class=\"scroll\"><h2>{e(who['title'])}</h2><h2>{e(who['stop_heading'])}</h2><ul>{items(stop)}</ul>"
               f"<h2>{e(who['talk_heading'])}</h2><ul>{items(talk)}</ul><p>{e(who['kiosk_asks'])}</p></div>"
               f"<div class=\"nav\"><button>{e(ui['nav']['back'])}</button><button class=\"next\">{e(ui['nav']['next'])}</button></div>"
               f"{DRAG}")
    (out / "page.html").write_text(page(who["title"], 34, longest), encoding="utf-8")


if __name__ == "__main__":
    main()
