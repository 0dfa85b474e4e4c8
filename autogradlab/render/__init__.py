"""Graph and Report renderers: DOT/SVG/PNG and plotly figures. Never imports torch."""
