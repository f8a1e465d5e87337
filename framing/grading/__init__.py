"""Grade: a class's reading of a worksheet against the tool's.

`items` turns a worksheet into numbered task items (the ids the worksheet
prints), each with the tool's answer and the evidence behind it; `key` writes
those items as a JSON answer key and the CSV template the teacher types the
class's answers into; `answers` reads that CSV back and refuses a bad one row by
row; `agreement` holds the statistics (Krippendorff's alpha, Cohen's kappa,
seeded bootstrap intervals); `results` compares the class with the tool task by
task and item by item; `page` renders the class page.
"""
