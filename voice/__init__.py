"""Speech in and out: decode, speech-to-text, text-to-speech, encode (issue: voice).

Not built yet: this package is a placeholder so that the layout from the design card holds.
"""
