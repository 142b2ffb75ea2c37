// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title Caravan platform token
/// @notice ERC-20 with EIP-2612 permits and ERC-5805 votes; 10,000,000,000 tokens minted once, at deployment.
contract CaravanToken is ERC20, ERC20Permit, ERC20Votes {
    uint256 public constant SUPPLY = 10_000_000_000 ether;

    /// @param holder Receives the whole supply; there is no way to mint more.
    constructor(address holder) ERC20("Caravan", "CRV") ERC20Permit("Caravan") {
        _mint(holder, SUPPLY);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
