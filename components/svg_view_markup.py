"""The clickable SVG view's stylesheet and markup (components/svg_view.py mounts them with its script).

The zoom buttons sit in their own row above the drawing (TOOLBAR_PX tall with its gap): floating over
the drawing's top right corner they covered a node's top edge on the Steps page at 1920x1080.
"""

TOOLBAR_PX = 28   # the buttons' row (24 px) and the gap under it (4 px); present_fit leaves it free

CSS = f"""
:host {{ display: block; }}
.wrap {{ position: relative; width: 100%; border-radius: 4px; }}
.stage {{ width: 100%; overflow: hidden; touch-action: none; cursor: grab; }}
.stage.dragging {{ cursor: grabbing; }}
.stage svg {{ display: block; margin: 0 auto; max-width: 100%; height: auto; }}
.tools {{ display: flex; justify-content: flex-end; align-items: center; gap: 4px;
         height: {TOOLBAR_PX - 4}px; margin-bottom: 4px; }}
.tools button[hidden] {{ display: none; }}
.tools button {{ font: 13px sans-serif; padding: 2px 8px; border: 1px solid #c9d1d9; border-radius: 4px;
                background: #ffffffd9; color: #1b1f24; cursor: pointer; }}
g.node, g.cluster {{ cursor: pointer; }}
g.node:focus, g.cluster:focus {{ outline: none; }}
g.node.selected path, g.node.selected polygon, g.node.selected ellipse {{
  stroke: #d73a49; stroke-width: 4px; }}
/* After the rules above (same specificity): the keyboard's focus is drawn on the node's own shape, as
   an SVG group's CSS outline is not painted reliably; blue and thick, unlike the red selection. */
.tools button:focus-visible {{ outline: 3px solid #1f6feb; outline-offset: 2px; }}
g.node:focus-visible path, g.node:focus-visible polygon, g.node:focus-visible ellipse,
g.cluster:focus-visible > path, g.cluster:focus-visible > polygon {{
  stroke: #1f6feb; stroke-width: 5px; }}
"""

HTML = """<div class="wrap">
  <div class="tools">
    <button type="button" data-act="in" title="Zoom in">+</button>
    <button type="button" data-act="out" title="Zoom out">−</button>
    <button type="button" data-act="whole" title="Show the whole graph" hidden>Whole</button>
    <button type="button" data-act="reset" title="Show the whole graph">Reset</button>
  </div>
  <div class="stage"></div>
</div>"""
