"""Built-in lexicons: one YAML data file and one datasheet (Markdown) each."""
