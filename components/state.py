"""Every st.session_state key the app uses, named in one place.

Session state holds primitives only (str, int, None). Reports are never stored: the last good run is
remembered by its inputs (source, seed, output) and fetched again through the shared cache, so a
session stays small and nothing unpicklable sits in it.

Widgets whose choice only makes sense for one program (the output picker, the node picker) get a key
derived from the program text, so a new program starts them fresh instead of keeping a stale choice.
"""

from __future__ import annotations

import hashlib
import uuid

import streamlit as st

DEFAULT_PROGRAM = """import torch
x = torch.arange(4.0)
x.requires_grad_(True)
y = 2 * torch.dot(x, x)
y.backward()
x.grad
"""

# Widgets (the key is also the widget's test id: Streamlit adds the class `st-key-<key>`).
EDITOR = "editor_source"          # str: the program text (a text_area inside the run form)
SEED = "editor_seed"              # int: the seed for randn/rand, default 0
RUN_FORM = "run_form"             # the form holding editor, seed and the Run button
RUN_BUTTON = "run_button"
TO_ANNOTATED = "to_annotated"     # button offered when torchviz could not draw a graph
GRAPH_STYLE = "graph_style"       # str: one of GRAPH_STYLES
FOLD_REPEATS = "fold_repeats"     # bool: draw repeated loop steps once (graphs of 60-500 nodes)
OUTPUT_PREFIX = "output_pick_"    # + program digest -> str | None: the tensor whose graph is drawn
NODE_PREFIX = "node_pick_"        # + program and output digest -> str | None: selected node ("n3")

# Plain values.
SESSION_ID = "session_id"         # str: names this browser session to the sandbox pool
LAST_GOOD_SOURCE = "last_good_source"  # str | None: inputs of the last run without an error
LAST_GOOD_SEED = "last_good_seed"      # int
LAST_GOOD_OUTPUT = "last_good_output"  # str | None
LINK_APPLIED = "link_applied"     # str: `code`/`seed` of the URL last loaded into / written from the editor
LINK_ERRORS = "link_errors"       # tuple[str, ...]: why that link's program or seed could not be used
LINK_KEPT = "link_kept"           # str | None: a refused link program's complaint (the program kept)
LINK_CARRY = "link_carry"         # dict[str, str]: the query parameters at the end of the last run
LINK_PAGE = "link_page"           # str: the url_path of the page the last run showed
LINK_SHOWN = "link_shown"         # list[(str, bool)]: link warnings (message, kept) shown this run
LINK_WARNINGS = "link_warnings"   # (page, query, warnings): the last run's link warnings, shown
                                  # again by the reruns that leave that page and URL as they are
LINK_SLOT = "link_slot"           # st.empty() at the top of this run's page, for those warnings
OUTPUT_LINKED = "output_linked"   # bool: the URL's `output` came with the program run now (a link)

# Jacobian page
JACOBIAN_CALL_PREFIX = "jacobian_call_"   # + program digest -> int: the Jacobian shown
JACOBIAN_CELL_PREFIX = "jacobian_cell_"   # + program digest and call -> (i, j) | None: the clicked cell
JACOBIAN_CHART_PREFIX = "jacobian_chart_"  # + program digest and call: the heatmap's widget key
JACOBIAN_IMAGE_FORMAT = "jacobian_image_format"  # "png" | "svg": the plot's camera button
JACOBIAN_OF = "jacobian_of"               # str: Y of dY/dX (programs without jacobian())
JACOBIAN_WRT = "jacobian_wrt"             # str: X of dY/dX
JACOBIAN_EXAMPLE = "jacobian_example"     # button: load an example with a jacobian() call
JACOBIAN_ZOOM_ROWS = "jacobian_zoom_rows"  # (r0, r1): exact window of a downsampled Jacobian
JACOBIAN_ZOOM_COLS = "jacobian_zoom_cols"  # (c0, c1)
JACOBIAN_ZOOM_CHART = "jacobian_zoom_chart"

GRAPH_STYLES = ("annotated", "torchviz classic")

# Widgets whose value survives a visit to another page use persist_state="session" (Streamlit 1.67).
PERSIST = "session"

_DEFAULTS: dict[str, object] = {
    LAST_GOOD_SOURCE: None,
    LAST_GOOD_SEED: 0,
    LAST_GOOD_OUTPUT: None,
}


def init() -> None:
    """Give every plain key its default once per session (widgets carry their own defaults)."""
    state = st.session_state
    if SESSION_ID not in state:
        state[SESSION_ID] = uuid.uuid4().hex
    for key, default in _DEFAULTS.items():
        if key not in state:
            state[key] = default


def digest(source: str) -> str:
    """A short, stable name for a program text, used to key per-program widgets."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def output_key(source: str) -> str:
    return OUTPUT_PREFIX + digest(source)


def node_key(source: str, output: str | None) -> str:
    """Node ids belong to one graph: a new program or another output starts the picker fresh."""
    return NODE_PREFIX + digest(f"{output}\0{source}")


def remember_good_run(source: str, seed: int, output: str | None) -> None:
    st.session_state[LAST_GOOD_SOURCE] = source
    st.session_state[LAST_GOOD_SEED] = seed
    st.session_state[LAST_GOOD_OUTPUT] = output


def last_good_run() -> tuple[str, int, str | None] | None:
    """The inputs of the last run that had no error, or None before the first one."""
    source = st.session_state.get(LAST_GOOD_SOURCE)
    if source is None:
        return None
    return source, int(st.session_state.get(LAST_GOOD_SEED, 0)), st.session_state.get(LAST_GOOD_OUTPUT)


# --- Eigen page (issue 8) -------------------------------------------------------------------------
EIGEN_SIZE = "eigen_size"            # int 2 | 3: the matrix size of the number inputs
EIGEN_CELL = "eigen_a{}{}"           # .format(i, j) -> float: one entry as a number input
EIGEN_SLIDERS = "eigen_sliders"      # bool: entries as sliders instead of number inputs
EIGEN_SLIDER_CELL = "eigen_s{}{}"    # .format(i, j) -> float: one entry as a slider
EIGEN_PRESET = "eigen_preset"        # str: the preset picked last (its label)
EIGEN_SOURCE = "eigen_source"        # str: one of EIGEN_SOURCES
EIGEN_ANGLE = "eigen_angle"          # float: the probe's angle in degrees (slider)
EIGEN_PROBE_LINK = "eigen_probe_link"  # str | None: a link's exact `v` ("1,0.3"), until the slider moves
EIGEN_VIEW = "eigen_view"            # str: "Picture" | "Animation" | "Power iteration"
EIGEN_VAR = "eigen_var"              # str: the program's matrix variable
EIGEN_FUNC = "eigen_func"            # str: the program's 2→2 function
EIGEN_POINT = "eigen_point"          # str: "x, y" where its Jacobian is taken
EIGEN_EXPORT = "eigen_export"        # str: "png" | "svg" (the camera button's format)
EIGEN_LINK = "eigen_link"            # str: the `matrix`/`v` of the URL last loaded into the inputs
EIGEN_LAST_GOOD = "eigen_last_good"  # str | None: JSON of the last matrix that could be analysed
EIGEN_SOURCES = ("Numbers", "Program variable", "Jacobian of a function")

# ---- Steps page --------------------------------------------------------------------------------
STEPS_MODE = "steps_mode"                 # str: "forward" | "reverse" | "tangent" (segmented control)
STEPS_DIRECTION = "steps_direction"       # str: tangent direction NAME=VALUES, "" = the engine's e₁
STEPS_DIRECTION_LEAF = "steps_direction_leaf"   # str | None: the leaf picked for the direction (pills)
STEPS_BACKWARD = "steps_backward"         # bool: run backward on the output when the program does not
STEPS_VALUES = "steps_values"             # str: expression mode, free names' values "x=1, y=[1,2]"
STEPS_PLAY = "steps_play"                 # bool: the player advances by itself
STEPS_SPEED = "steps_speed"               # str: one of STEPS_SPEEDS
STEPS_FOLD = "steps_fold"                 # bool: step folded loop groups as one
STEPS_FRAME_PREFIX = "steps_frame_"       # + digest of (program, output, mode, options) -> int frame
STEPS_LINK_SEEN = "steps_link_seen"       # str: mode/step/dir of the URL last applied or written
STEPS_LAST_GOOD = "steps_last_good"       # (program digest, direction, direction text, backward, values):
                                          # the Steps options of the last good run (components/last_good.py)
STEPS_SPEEDS = ("slow", "normal", "fast")
EDITOR_COPY = "editor_source_copy"        # str: last submitted program (a link's, after a page switch)
SEED_COPY = "editor_seed_copy"            # int: its seed
EDITOR_RESTORED = "editor_restored"       # str: the copy last put back (once per program)
EDITOR_RESTORE_NOW = "editor_restore_now"  # bool: put the copy back before the editor is drawn

# ---- Folded groups and the shared node selection (Graph and Steps pages, issue 10 §2) -----------
FOLD_EXPANDED_PREFIX = "fold_expanded_"   # + digest of (output, program) -> str: open groups "fold3,fold7"
FOLD_SELECTED_PREFIX = "fold_selected_"   # + digest of (output, program) -> str | None: node id ("n3")
FOLD_PILLS_PREFIX = "fold_pills_"         # + digest of (output, program): the Steps page's group pills
# (per frame key of the Steps page, STEPS_FRAME_PREFIX + ...: `_first` int, the first step shown;
#  `_open` str, the open groups when it was shown; see fold_view.keep_step)

# ---- Gallery page --------------------------------------------------------------------------------
GALLERY_SEARCH = "gallery_search"         # str: the search box
GALLERY_LESSON = "gallery_lesson"         # str: "" (all lessons) or a lesson id ("001")
