// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title A partner's ERC-20 for dual-reward projects in development and tests
/// @notice Plain ERC-20; the whole supply is minted once to `holder`.
contract PartnerToken is ERC20 {
    /// @param supply Minted once to `holder`, in the smallest unit (18 decimals).
    constructor(string memory name, string memory symbol, uint256 supply, address holder) ERC20(name, symbol) {
        _mint(holder, supply);
    }
}
