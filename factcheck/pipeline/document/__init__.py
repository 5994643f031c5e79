"""Path + metadata -> Document: decode, front matter, HTML main text, published date."""
