"""``python3 -m renewal survey-template -o FILE.xlsx``: what ``renewal survey-template``
runs (src/cli/survey_template.cc). Here rather than in renewal/survey.py, which the
package imports: running an imported module with -m would import it twice."""

import sys

from .survey import main

if __name__ == "__main__":
    sys.exit(main())
