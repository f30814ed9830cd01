"""Draw the application icon (a grid sheet with a review tick) as PNG; run to regenerate."""

from pathlib import Path

from PIL import Image, ImageDraw


def draw(size: int) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 64
    d.rounded_rectangle((4 * s, 4 * s, 60 * s, 60 * s), radius=8 * s, fill=(11, 61, 145, 255))
    d.rectangle((12 * s, 14 * s, 52 * s, 50 * s), fill=(255, 255, 255, 255))
    for y in (23, 32, 41):
        d.line((12 * s, y * s, 52 * s, y * s), fill=(180, 190, 210, 255), width=max(1, int(s)))
    d.line((26 * s, 14 * s, 26 * s, 50 * s), fill=(180, 190, 210, 255), width=max(1, int(s)))
    d.rectangle((12 * s, 14 * s, 52 * s, 20 * s), fill=(242, 201, 76, 255))
    d.line(
        (30 * s, 36 * s, 37 * s, 44 * s, 54 * s, 24 * s),
        fill=(27, 127, 59, 255),
        width=max(2, int(5 * s)),
        joint="curve",
    )
    return image


if __name__ == "__main__":
    folder = Path(__file__).parent
    draw(256).save(folder / "app.png")
    draw(256).save(
        folder / "app.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )
