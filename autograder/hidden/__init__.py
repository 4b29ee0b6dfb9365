"""Hidden tests: they never ship; the instructor and Gradescope run them."""
