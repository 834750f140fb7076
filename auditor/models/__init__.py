"""Package data: the element classifier's model and its card, written by `auditor train`."""
